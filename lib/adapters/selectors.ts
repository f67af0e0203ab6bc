/**
 * Selectors are data: each named part of a page has an ordered list of CSS candidates, the
 * first that matches wins. Misses are recorded by name so health reports can say exactly
 * which part of the page stopped matching.
 */
export type SelectorList = readonly string[];

export class SelectorProbe {
  readonly missing = new Set<string>();
  readonly unparsed = new Set<string>();

  one(root: ParentNode, name: string, candidates: SelectorList, required = true): Element | null {
    const found = firstMatch(root, candidates);
    if (!found && required) this.missing.add(name);
    return found;
  }

  all(root: ParentNode, name: string, candidates: SelectorList, required = true): Element[] {
    for (const css of candidates) {
      const found = root.querySelectorAll(css);
      if (found.length > 0) return Array.from(found);
    }
    if (required) this.missing.add(name);
    return [];
  }

  /** Like `one`, but a miss is normal (optional parts such as a waiting badge). */
  maybe(root: ParentNode, candidates: SelectorList): Element | null {
    return this.one(root, '', candidates, false);
  }

  matches(el: Element, candidates: SelectorList): boolean {
    return candidates.some((css) => el.matches(css) || el.querySelector(css) !== null);
  }

  report() {
    return { missingSelectors: [...this.missing].sort(), unparsedFields: [...this.unparsed].sort() };
  }
}

export function text(el: Element | null, max = 500): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** The first element matching any candidate, in order; stops at the first hit (no wasted queries). */
export function firstMatch(root: ParentNode, candidates: SelectorList): Element | null {
  for (const css of candidates) {
    const found = root.querySelector(css);
    if (found) return found;
  }
  return null;
}
