/**
 * Reasons are cached per term and shared between verdicts (scoring.ts). A model name is read two
 * ways: as the design a lookalike copies, and beside counterfeit slang as the name a replica hides
 * behind. The cache must keep the two apart, or a verdict's reasons depend on the titles before it.
 */
import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_PACKS } from '../../lib/rules/builtin-pack';
import { compileRules } from '../../lib/rules/compile-rules';
import { listing } from './builtin-rules';

const LOOKALIKE = 'Neverfull 同款 托特包 女';
const REPLICA = '高仿 Neverfull 托特包 女';
const codes = (rules: ReturnType<typeof compileRules>, title: string): string[] =>
  assessListing(listing(title, 300), rules).reasons.map((reason) => reason.code);

describe('cached term reasons', () => {
  it('a model named by a lookalike, then by a replica, gives each its own reason', () => {
    const rules = compileRules(BUILTIN_PACKS);
    expect(codes(rules, LOOKALIKE)).toEqual(['lookalike']);
    const replica = codes(rules, REPLICA);
    expect(replica).toContain('indirect-name');
    expect(replica).not.toContain('lookalike');
  });

  it('gives the same reasons whatever was assessed before', () => {
    const fresh = codes(compileRules(BUILTIN_PACKS), REPLICA);
    const rules = compileRules(BUILTIN_PACKS);
    codes(rules, LOOKALIKE);
    expect(codes(rules, REPLICA)).toEqual(fresh);
    const afterReplica = compileRules(BUILTIN_PACKS);
    codes(afterReplica, REPLICA);
    expect(codes(afterReplica, LOOKALIKE)).toEqual(['lookalike']);
  });
});
