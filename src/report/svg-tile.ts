/**
 * Tile several standalone SVG documents (heatmaps, plots) into one SVG on a grid, scaled to
 * the page width by a viewBox: a card shows a row of maps side by side.
 * @module report/svg-tile
 */

function size(svg: string): [number, number] {
  const w = /<svg[^>]*\swidth="([\d.]+)"/.exec(svg), h = /<svg[^>]*\sheight="([\d.]+)"/.exec(svg);
  return [w ? Number(w[1]) : 400, h ? Number(h[1]) : 300];
}

/** Place the documents left to right, `cols` per row; each cell is as large as the largest document. */
export function tileSvgs(svgs: string[], cols: number): string {
  if (!svgs.length) return '';
  const sizes = svgs.map(size);
  const cw = Math.max(...sizes.map((s) => s[0])), ch = Math.max(...sizes.map((s) => s[1]));
  const nc = Math.min(cols, svgs.length), nr = Math.ceil(svgs.length / nc);
  const W = nc * cw, H = nr * ch;
  const inner = svgs.map((s, k) => s.replace('<svg ', `<svg x="${(k % nc) * cw}" y="${Math.floor(k / nc) * ch}" `));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">\n${inner.join('\n')}\n</svg>`;
}
