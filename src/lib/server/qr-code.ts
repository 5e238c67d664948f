import QRCode from 'qrcode';

/** A QR code of a URL as a standalone SVG (dark modules on white, with the standard quiet zone). */
export function qrCodeSvg(url: string): Promise<string> {
	return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
}
