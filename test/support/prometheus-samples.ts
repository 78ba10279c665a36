/** One sample line of the Prometheus text format: `name{label="value",…} value [timestamp]`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;

/**
 * Every sample of an exposition, labels included. parse-prometheus-text-format reads families and
 * types, but folds the series of a labelled histogram into one; this reads them one by one, and
 * throws on any line outside the format.
 */
export function prometheusSamples(text: string): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const [, name = '', body = '', value = ''] = match;
    const labels: Record<string, string> = {};
    LABEL.lastIndex = 0;
    while (LABEL.lastIndex < body.length) {
      const label = LABEL.exec(body);
      if (!label) throw new Error(`malformed labels: ${line}`);
      const [, key = '', raw = ''] = label;
      labels[key] = raw.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    const number = sampleValue(value);
    if (number === undefined) throw new Error(`malformed value: ${line}`);
    samples.push({ name, labels, value: number });
  }
  return samples;
}

/** As Prometheus reads values (Go's ParseFloat): NaN and Inf in any case; prom-client writes `Nan`. */
function sampleValue(text: string): number | undefined {
  const special = text.toLowerCase();
  if (special === 'nan') return Number.NaN;
  if (special === '+inf' || special === 'inf') return Number.POSITIVE_INFINITY;
  if (special === '-inf') return Number.NEGATIVE_INFINITY;
  const number = Number(text);
  return text.trim() === '' || Number.isNaN(number) ? undefined : number;
}
