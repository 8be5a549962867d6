/** The badge's handlers answer only the user: the rule lives in lib/content/user-event.ts. */
export { fromUser, isUserEvent } from '../../lib/content/user-event';
