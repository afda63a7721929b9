// Small numeric and formatting helpers.

export function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values, p) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function round(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function ms(value) {
  return value === null || value === undefined ? "n/a" : `${round(value, 1)} ms`;
}

export function kib(bytes) {
  return bytes === null || bytes === undefined ? "n/a" : `${round(bytes / 1024, 1)} KiB`;
}

export function mib(value) {
  return value === null || value === undefined ? "n/a" : `${round(value, 1)} MiB`;
}

/** Wall-clock milliseconds of `fn`, with a high-resolution clock. */
export async function timed(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** A Markdown table; cells are padded so that it also reads well in a terminal. */
export function markdownTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell ?? "")));
  const widths = header.map((_, column) => Math.max(3, ...all.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  return [
    line(all[0]),
    `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`,
    ...all.slice(1).map(line),
  ].join("\n");
}
