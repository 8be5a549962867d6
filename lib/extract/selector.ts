/**
 * Selectors that survive Taobao's hashed class names. A hashed class looks like `title--a1b2c3`,
 * `Title--title--x9`, or with a build prefix `_4nNipe17pV--highlightPrice--fea17cf4`: its stable part is
 * a `--`-separated segment before the final hash. `[class*="title--"]` alone would also match
 * `mainTitle--` and `subTitle--`, so a hashed selector narrows the CSS match by that exact segment.
 */
export interface Selector {
  /** Broad CSS used to find candidates. */
  readonly css: string;
  /** Narrows the candidates; absent for plain CSS selectors. */
  readonly accept?: (element: Element) => boolean;
  /** Names the selector in test output. */
  readonly label: string;
  readonly expect: SelectorExpectation;
}

/**
 * Where an alternative matches, and how often (in the whole document), as refined-github states its
 * selectors' expectations: `fixtures` names the synthetic pages (test/fixtures/pages/synthetic), and on
 * every other one it must match nothing; `real` names real saved pages (../shared/real-pages, checked by
 * `npm run eval`). An alternative that matches only its own synthetic page shows it here.
 */
export interface SelectorExpectation {
  readonly fixtures: Readonly<Record<string, number>>;
  readonly real?: Readonly<Record<string, number>>;
}

export function css(selector: string, expect: SelectorExpectation): Selector {
  return { css: selector, label: selector, expect };
}

/** An element whose class list holds `<…--><name>--<hash>`; `tag` restricts the element name. */
export function hashed(name: string, expect: SelectorExpectation, tag = ''): Selector {
  return {
    css: `${tag}[class*="${name}--"]`,
    accept: (element) => hasHashedClass(element, name),
    label: `${tag}~${name}`,
    expect,
  };
}

export function hasHashedClass(element: Element, name: string): boolean {
  // The last `--` segment is the hash, so the name is a segment followed by `--`: at the start of a
  // class or after another `--`. (Searched, not split: this runs for every candidate of every field.)
  const head = `${name}--`;
  const inner = `--${head}`;
  for (const token of element.classList) if (token.startsWith(head) || token.includes(inner)) return true;
  return false;
}

function matches(element: Element, selector: Selector): boolean {
  return element.matches(selector.css) && (selector.accept?.(element) ?? true);
}

/** Every element under `root` matching any of `selectors`, in document order, without repeats. */
export function queryAll(root: ParentNode, selectors: readonly Selector[]): Element[] {
  if (selectors.length === 0) return [];
  if (selectors.length === 1) {
    // The CSS already matched; only the narrowing is left.
    const [only] = selectors as [Selector];
    const found = Array.from(root.querySelectorAll(only.css));
    return only.accept ? found.filter(only.accept) : found;
  }
  const union = selectors.map((s) => s.css).join(',');
  return Array.from(root.querySelectorAll(union)).filter((el) => selectors.some((s) => matches(el, s)));
}

/**
 * The first element found by the first selector that finds one (selectors are in order of preference),
 * skipping elements inside `exclude` (a sticky bar that repeats the price, say).
 */
export function queryFirst(
  root: ParentNode,
  selectors: readonly Selector[],
  exclude: readonly Selector[] = [],
): Element | null {
  for (const selector of selectors) {
    for (const element of root.querySelectorAll(selector.css)) {
      if (!matches(element, selector)) continue;
      if (exclude.length > 0 && isInside(element, exclude)) continue;
      return element;
    }
  }
  return null;
}

/**
 * Like `queryFirst`, but keeps looking until `read` makes something of an element: a page can hold an
 * empty promotion-price slot before the price that is filled.
 */
export function readFirst<T>(
  root: ParentNode,
  selectors: readonly Selector[],
  read: (element: Element) => T | null,
  exclude: readonly Selector[] = [],
): T | null {
  for (const selector of selectors) {
    for (const element of root.querySelectorAll(selector.css)) {
      if (!matches(element, selector) || (exclude.length > 0 && isInside(element, exclude))) continue;
      const value = read(element);
      if (value !== null) return value;
    }
  }
  return null;
}

function isInside(element: Element, containers: readonly Selector[]): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (containers.some((c) => matches(node, c))) return true;
  }
  return false;
}
