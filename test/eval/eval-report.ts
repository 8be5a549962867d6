/** One part of `npm run eval`: what it prints, and the figures the README publishes and CI holds it to. */
export interface EvalFigure {
  /** Stable key, e.g. "pages.listingsFound": the README's table and the CI floor refer to it. */
  key: string;
  label: string;
  /** A share in [0, 1]. */
  value: number;
}

export interface EvalReport {
  title: string;
  /** The printed lines: data size and sources, per-file results, misses. */
  lines: string[];
  figures: EvalFigure[];
}
