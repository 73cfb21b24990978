import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SessionTerminalRegistry } from '../../../client/src/sessions/sessionTerminals';

describe('SessionTerminalRegistry', () => {
  it('names the terminals still holding the credentials from before a refresh, once per refresh', () => {
    const terminals = new SessionTerminalRegistry<string>();
    terminals.opened('dev', 'term-1', 'ASIAOLD');
    terminals.opened('other', 'term-2', 'ASIAOTHER');
    assert.deepEqual(terminals.staleAfterRefresh('dev', 'ASIAOLD'), [], 'the same credentials are not stale');
    assert.deepEqual(terminals.staleAfterRefresh('dev', 'ASIANEW'), ['term-1']);
    assert.deepEqual(terminals.staleAfterRefresh('dev', 'ASIANEW'), [], 'told once');
    assert.deepEqual(terminals.staleAfterRefresh('dev', 'ASIANEWER'), ['term-1'], 'told again after the next refresh');
  });

  it('does not count a terminal opened after the refresh as stale', () => {
    const terminals = new SessionTerminalRegistry<string>();
    terminals.opened('dev', 'old', 'ASIAOLD');
    terminals.opened('dev', 'new', 'ASIANEW');
    assert.deepEqual(terminals.staleAfterRefresh('dev', 'ASIANEW'), ['old']);
  });

  it('hands back a forgotten session\'s terminals and stops tracking them', () => {
    const terminals = new SessionTerminalRegistry<string>();
    terminals.opened('dev', 'a', 'K1');
    terminals.opened('dev', 'b', 'K1');
    terminals.opened('ops', 'c', 'K2');
    assert.deepEqual(terminals.forgotten('dev'), ['a', 'b']);
    assert.deepEqual(terminals.terminalsOf('dev'), []);
    assert.deepEqual(terminals.terminalsOf('ops'), ['c']);
  });

  it('forgets a terminal the user closed', () => {
    const terminals = new SessionTerminalRegistry<string>();
    terminals.opened('dev', 'a', 'K1');
    terminals.closed('a');
    assert.deepEqual(terminals.staleAfterRefresh('dev', 'K2'), []);
  });
});
