/** Dates in the UI language, e.g. "1 Mar 2025, 10:00" or "2025年3月1日 10:00". */
export function formatDate(time: number, language: 'en' | 'zh_CN'): string {
  return new Intl.DateTimeFormat(language === 'zh_CN' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}
