/**
 * The tests that kill worker processes while reminders go out, in one file so that jest
 * runs them one after the other: side by side they took the cores from each other (each
 * runs a test server and worker processes that replay without a cache) and ran three
 * times as long as alone, past their limits. Each is in its own module:
 *
 * - worker-crash.ts: the whole programme (meetings, status reports), the worker killed twice;
 * - two-workers.ts: one of two workers killed in the middle of a reminder storm;
 * - random-kills.ts: the worker killed 20 times at random moments while the year's e-mails go out.
 */
import './worker-crash';
import './two-workers';
import './random-kills';
