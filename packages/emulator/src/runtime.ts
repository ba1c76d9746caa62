import type { Web } from './areas/web/web.js';
import type { Clock } from './clock.js';
import type { Faults } from './http/faults.js';
import type { Journal } from './http/journal.js';
import type { Pusher } from './push/pusher.js';
import type { Store } from './store/index.js';

/** The long-lived parts every plane shares. */
export interface Runtime {
  store: Store;
  clock: Clock;
  journal: Journal;
  web: Web;
  pusher: Pusher;
  faults: Faults;
}
