import QRCode from 'qrcode';

/** A QR code for a URL of ours as an SVG document (scales to any projector without blur). */
export function qrCodeSvg(url: string): Promise<string> {
	// Quartile error correction survives a projector's glare and a phone held at an angle.
	return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'Q', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
