/**
 * Every message between the extension's parts, in one place, named by direction. Payloads are
 * validated by the receiver with the schemas beside this file: the sender's types are a promise, the
 * schema is the check.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Listing } from '../listing';
import type { Verdict } from '../verdict';

export interface ProtocolMap {
  /** content → background: assess one batch of newly found listings (≤ MAX_BATCH). */
  assessListings(data: { listings: Listing[] }): { verdicts: Verdict[] };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
