/**
 * The options page: settings, rule packs, notices and the user's data. The pack list is held here
 * because two sections use it: the brand checklist and the pack list itself.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { DataSection } from './data-section';
import { NoticesSection } from './notices-section';
import type { OptionsDeps } from './options-deps';
import { RulePacksSection, type RulePackList } from './rule-packs-section';
import { SettingsSection } from './settings-section';

export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  const [packs, setPacks] = useState<RulePackList | undefined>(undefined);
  const reloadPacks = useCallback(async () => {
    setPacks(await deps.send('listRulePacks'));
  }, [deps]);
  useEffect(() => {
    reloadPacks().catch((error: unknown) => console.error('Counterfeit Radar: could not list the rule packs', error));
  }, [reloadPacks]);

  return (
    <main class="options">
      <h1>{deps.t('optionsPageTitle')}</h1>
      <SettingsSection deps={deps} brands={packs?.brands} />
      <RulePacksSection deps={deps} packs={packs} onChanged={reloadPacks} />
      <NoticesSection deps={deps} brands={packs?.brands} />
      <DataSection deps={deps} />
    </main>
  );
}
