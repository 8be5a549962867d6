import { TAOBAO_HOST_PATTERNS } from '@/lib/page/hosts';

export default defineContentScript({
  matches: [...TAOBAO_HOST_PATTERNS],
  runAt: 'document_idle',
  main() {},
});
