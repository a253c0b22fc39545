import type { Actor } from '@app/domain';

/** The admins: Carol buys and expires seats, Alice and Bob manage users. */
export const CAROL: Actor = { id: 'carol', name: 'Carol Admin' };
export const ALICE: Actor = { id: 'alice', name: 'Alice Doe' };
export const BOB: Actor = { id: 'bob', name: 'Bob Smith' };

export const FIRST = ['ada', 'alan', 'grace', 'linus', 'margaret', 'dennis', 'barbara', 'ken', 'frances', 'edsger', 'radia', 'tim', 'hedy', 'john', 'katherine', 'donald', 'sophie', 'guido', 'anita', 'bjarne', 'mary', 'james', 'lynn', 'niklaus', 'jean', 'claude', 'carol', 'david', 'karen', 'leslie', 'shafi', 'peter', 'susan', 'vint', 'elena', 'yukihiro', 'joan', 'rasmus', 'ruth', 'brian'];
export const LAST = ['lovelace', 'turing', 'hopper', 'torvalds', 'hamilton', 'ritchie', 'liskov', 'thompson', 'allen', 'dijkstra', 'perlman', 'berners-lee', 'lamarr', 'mccarthy', 'johnson', 'knuth', 'wilson', 'van-rossum', 'borg', 'stroustrup', 'keller', 'gosling', 'conway', 'wirth', 'sammet', 'shannon', 'shaw', 'patterson', 'sparck-jones', 'lamport', 'goldwasser', 'norvig', 'kare', 'cerf', 'levi', 'matsumoto', 'clarke', 'lerdorf', 'ginsburg', 'kernighan'];
/** Weighted: most users in a few countries; CN, where Lync is not available, gets it disabled (U3). */
export const LOCATIONS = ['US', 'US', 'US', 'US', 'US', 'GB', 'GB', 'DE', 'DE', 'FR', 'NL', 'CA', 'IN', 'AU', 'CN'];
export const DEPARTMENTS = ['sales', 'engineering', 'support', 'finance', 'marketing'];

export function capitalize(word: string): string {
  return word.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}
