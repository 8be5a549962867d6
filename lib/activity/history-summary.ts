/**
 * The Summary tab's numbers: flagged listings by risk and by brand, and flags per day over the last
 * 30 days. Days are the user's local calendar days, so "today" matches the clock they see.
 */
import type { Risk } from '../verdict';
import type { HistoryRecord } from './activity-db';

export const SUMMARY_DAYS = 30;

export function countByRisk(records: readonly HistoryRecord[]): Record<Risk, number> {
  const counts: Record<Risk, number> = { high: 0, medium: 0, low: 0, none: 0 };
  for (const record of records) counts[record.risk] += 1;
  return counts;
}

/** Brand id (null: no brand found) and count, most first, ties by id. */
export function countByBrand(records: readonly HistoryRecord[]): { brand: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const record of records) counts.set(record.brand, (counts.get(record.brand) ?? 0) + 1);
  return [...counts]
    .map(([brand, count]) => ({ brand, count }))
    .sort((a, b) => b.count - a.count || String(a.brand).localeCompare(String(b.brand)));
}

export interface DayCount {
  /** Local midnight, epoch ms. */
  day: number;
  count: number;
}

function localMidnight(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * Listings first flagged on each of the last `days` days, oldest first, today last. A listing counts
 * once, on the day it was first seen, so revisiting a page does not inflate the chart.
 */
export function flagsPerDay(records: readonly HistoryRecord[], now: number, days = SUMMARY_DAYS): DayCount[] {
  const starts: number[] = [];
  let day = localMidnight(now);
  for (let i = 0; i < days; i++) {
    starts.unshift(day);
    // Back one calendar day through a noon, so a daylight-saving change cannot skip or repeat a day.
    day = localMidnight(day - 12 * 3_600_000);
  }
  const counts = starts.map((start) => ({ day: start, count: 0 }));
  for (const record of records) {
    if (record.firstSeen > now) continue;
    const day = counts.findLast((count) => count.day <= record.firstSeen);
    if (day) day.count += 1;
  }
  return counts;
}
