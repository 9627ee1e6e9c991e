/**
 * A plot card: title, the SVG, and export buttons (CSV, JSON, SVG, PNG, spec).
 * @module lab/card
 */
import { download, toCsv, toJsonText, svgToPng } from './export.js';

/** Data behind one card, for export. */
export interface CardData {
  svg: string;
  columns: Record<string, ArrayLike<number>>;
  units: Record<string, string>;
  /** The experiment spec(s) the CLI runs to the same numbers. */
  spec?: unknown;
  meta?: unknown;
  /** CSV text to export instead of the columns (e.g. a protocol table in the report's format). */
  csv?: string;
}

/** Create a card inside parent; returns an update function. */
export function plotCard(parent: HTMLElement, id: string, title: string): (d: CardData) => void {
  const card = document.createElement('section');
  card.className = 'card';
  card.id = id;
  card.innerHTML = `<header><h3>${title}</h3><div class="exports">
    <button data-x="csv">CSV</button><button data-x="json">JSON</button><button data-x="svg">SVG</button><button data-x="png">PNG</button><button data-x="spec">Spec</button></div></header>
    <div class="plot" data-points="0"></div><div class="metrics"></div>`;
  parent.appendChild(card);
  let data: CardData | undefined;
  card.querySelector('.exports')!.addEventListener('click', async (e) => {
    const b = (e.target as HTMLElement).closest('button');
    if (!b || !data) return;
    const x = b.dataset.x;
    if (x === 'csv') download(`${id}.csv`, data.csv ?? toCsv(data.columns, data.units), 'text/csv');
    else if (x === 'json') download(`${id}.json`, toJsonText(data.columns, data.units, data.meta ?? {}), 'application/json');
    else if (x === 'svg') download(`${id}.svg`, data.svg, 'image/svg+xml');
    else if (x === 'png') download(`${id}.png`, await svgToPng(data.svg), 'image/png');
    else if (x === 'spec') download(`${id}.spec.json`, JSON.stringify(data.spec ?? {}, null, 2), 'application/json');
  });
  return (d) => {
    data = d;
    const plot = card.querySelector('.plot') as HTMLElement;
    plot.innerHTML = d.svg;
    const first = Object.values(d.columns)[0];
    plot.dataset.points = String(first ? first.length : 0);
  };
}

/** Show named metrics under a card. */
export function showMetrics(cardId: string, metrics: Record<string, { value: number; unit: string; meaning?: string }>): void {
  const el = document.querySelector(`#${cardId} .metrics`);
  if (!el) return;
  el.innerHTML = Object.entries(metrics).map(([k, m]) => `<span title="${m.meaning ?? ''}"><b>${k}</b> ${Number(m.value.toPrecision(4))} ${m.unit === '1' ? '' : m.unit}</span>`).join('');
}
