/**
 * Each command's usage line, kept apart from the commands so `cli` with no command can list them all
 * without loading any (run-cli.ts loads only the command that runs).
 */
export const COMMAND_USAGE = {
  extract: 'extract --url <page URL> <saved.html>',
  assess: 'assess [--rules extra-pack.json] [--notices feed.json|feed.csv] [--sensitivity relaxed|balanced|strict] [--lang en|zh_CN|both] [--format jsonl|csv] [--quiet] < listings.jsonl',
  scan: 'scan <folder> [--urls urls.tsv] [--format jsonl|csv] [--lang en|zh_CN|both] [--sensitivity relaxed|balanced|strict]',
  notices: 'notices check <feed.json|feed.csv>',
  evidence: 'evidence verify <evidence.zip> [--key <public key, base64>]',
  'photo-hash': 'photo-hash <image.jpg|.png|.webp>...',
  'photo-match': 'photo-match <image a> <image b>',
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;
