import QRCode from 'qrcode';

export const QUIET_ZONE_MODULES = 4;

/** A QR code for a URL of ours as an SVG document (scales to any projector without blur). */
export function qrCodeSvg(url: string): Promise<string> {
	// Quartile error correction survives a projector's glare and a phone held at an angle; the
	// quiet zone is the 4 modules ISO/IEC 18004 asks for (readers find the code by its blank border).
	return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'Q', margin: QUIET_ZONE_MODULES, color: { dark: '#000000', light: '#ffffff' } });
}
