/**
 * Sensitivity: how much evidence a risk level takes. The score (0–100) does not depend on it; only
 * the thresholds that turn a score into a risk level move. Strict suits brand staff hunting fakes,
 * relaxed suits shoppers who only want the loudest warnings.
 */
import type { Risk } from '../verdict';

export type Sensitivity = 'relaxed' | 'balanced' | 'strict';

export const SENSITIVITIES: readonly Sensitivity[] = ['relaxed', 'balanced', 'strict'];

/** Lowest score for each level. A brand listing below `medium` is low. */
export const THRESHOLDS: Readonly<Record<Sensitivity, { medium: number; high: number }>> = {
  relaxed: { medium: 40, high: 75 },
  balanced: { medium: 30, high: 60 },
  strict: { medium: 20, high: 50 },
};

/** Risk of a listing that names a brand (or is named in a notice). */
export function riskForScore(score: number, sensitivity: Sensitivity): Exclude<Risk, 'none'> {
  const thresholds = THRESHOLDS[sensitivity];
  return score >= thresholds.high ? 'high' : score >= thresholds.medium ? 'medium' : 'low';
}
