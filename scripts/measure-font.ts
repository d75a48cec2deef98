/**
 * Writes lib/viz/font-metrics.ts: advance widths of the characters labels use, measured in
 * Chromium in DejaVu Sans (what system-ui resolves to on Debian, where the tests run, and wider
 * than the UI fonts of other systems, so a layout that fits with it fits elsewhere). Run once
 * when the label font changes: `npx tsx scripts/measure-font.ts`.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const CHARS =
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') +
  'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿčćęłńőřšśźžČĆŁŠŚŽ·…–—';

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage();
  const widths = await page.evaluate((chars: string) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const out: Record<string, number[]> = {};
    for (const weight of ['400', '600']) {
      ctx.font = `${weight} 100px 'DejaVu Sans'`;
      out[weight] = Array.from(chars, (c) => Math.round(ctx.measureText(c).width * 10) / 1000);
    }
    return out;
  }, CHARS);
  await browser.close();
  const body = `/**
 * Advance widths (in em) of the characters labels use, in DejaVu Sans, measured by
 * scripts/measure-font.ts in Chromium. Labels are placed with these widths, so placement is the
 * same on the server, in tests and in every browser; DejaVu Sans is wider than the UI fonts of
 * other systems, so labels that do not collide with it do not collide there either.
 */

const CHARS = ${JSON.stringify(CHARS)};
const REGULAR = [${widths['400'].join(', ')}];
const SEMIBOLD = [${widths['600'].join(', ')}];

const regular = new Map<string, number>();
const semibold = new Map<string, number>();
Array.from(CHARS).forEach((c, i) => {
  regular.set(c, REGULAR[i]);
  semibold.set(c, SEMIBOLD[i]);
});
/** For a character outside the table: the width of a wide letter. */
const FALLBACK = 0.8;

/** Width in pixels of \`text\` at \`fontSize\` px, regular (400) or semibold (600). */
export function measureText(text: string, fontSize: number, weight: 400 | 600 = 400): number {
  const table = weight === 600 ? semibold : regular;
  let em = 0;
  for (const c of text) em += table.get(c) ?? FALLBACK;
  return em * fontSize;
}
`;
  fs.writeFileSync('lib/viz/font-metrics.ts', body);
  console.log('wrote lib/viz/font-metrics.ts');
}

void main();
