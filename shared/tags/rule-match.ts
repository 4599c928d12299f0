import { compileGlob } from './glob';

/** What a tagging rule looks at. */
export const RULE_KINDS = ['symbols', 'description', 'security-type', 'isin-prefix', 'account'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface RuleSpec {
  kind: RuleKind;
  pattern: string;
}

/** The fields of a position a rule can match on. */
export interface RuleTarget {
  symbolKey: string;
  description: string;
  securityType: string | null;
  isin: string | null;
  account: string;
}

/** A compiled rule: a predicate over positions. Description patterns without * match as substrings. */
export function compileRule(rule: RuleSpec): (p: RuleTarget) => boolean {
  const pattern = rule.pattern.trim();
  switch (rule.kind) {
    case 'symbols': {
      const set = new Set(pattern.split(/[\s,;]+/).filter(Boolean).map((s) => s.toUpperCase()));
      return (p) => set.has(p.symbolKey);
    }
    case 'description': {
      const matches = compileGlob(pattern.includes('*') || pattern.includes('?') ? pattern : `*${pattern}*`);
      return (p) => matches(p.description);
    }
    case 'security-type': {
      const want = pattern.toLowerCase();
      return (p) => (p.securityType ?? '').toLowerCase() === want;
    }
    case 'isin-prefix': {
      const prefix = pattern.toUpperCase();
      return (p) => p.isin !== null && p.isin.startsWith(prefix);
    }
    case 'account': {
      const want = pattern.toLowerCase();
      return (p) => p.account.toLowerCase() === want;
    }
  }
}
