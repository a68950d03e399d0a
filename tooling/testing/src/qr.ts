// A CommonJS package: Node hands its whole `module.exports` to a default import.
import jsqr from 'jsqr';
import type { BrowserContext } from 'playwright-core';

const SIZE = 400;

/**
 * Reads a QR code drawn as SVG the way a phone would: Chromium rasterises the SVG on a canvas and
 * jsQR decodes the pixels. Done on a blank page of the same browser context, since the page that
 * shows the code (a printed certificate) may forbid scripts and images. Null when nothing decodes.
 */
export async function readSvgQrCode(context: BrowserContext, svg: string): Promise<string | null> {
  const page = await context.newPage();
  try {
    const source = svg.includes('xmlns=') ? svg : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
    // A string: this package is compiled without the DOM's types.
    const pixels = await page.evaluate<number[]>(`(async () => {
      const image = new Image(${SIZE}, ${SIZE});
      image.src = ${JSON.stringify(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`)};
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = ${SIZE};
      const g = canvas.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, ${SIZE}, ${SIZE});
      g.drawImage(image, 0, 0, ${SIZE}, ${SIZE});
      return Array.from(g.getImageData(0, 0, ${SIZE}, ${SIZE}).data);
    })()`);
    return jsqr.default(Uint8ClampedArray.from(pixels), SIZE, SIZE)?.data ?? null;
  } finally {
    await page.close();
  }
}
