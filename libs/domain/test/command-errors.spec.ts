import { COMMAND_ERRORS, DomainError, decide, initialState } from '@app/domain';
import { NOW, catalog } from './given-when-then';

describe('COMMAND_ERRORS: what each command may be refused with', () => {
  it('decide() passes a declared refusal through unchanged (U4 deleting a user the tenant never had: UserNotFound)', () => {
    expect(COMMAND_ERRORS.DeleteUser).toContain('UserNotFound');
    expect(() =>
      decide({ type: 'DeleteUser', data: { userId: 'nobody' } }, initialState(), { catalog, now: NOW }),
    ).toThrow(expect.objectContaining({ code: 'UserNotFound' }));
  });

  it('decide() turns a refusal its command does not declare into a programming error, so the documented codes cannot drift', () => {
    const declared = COMMAND_ERRORS.DeleteUser as string[];
    const saved = [...declared];
    declared.splice(0, declared.length);
    try {
      let thrown: unknown;
      try {
        decide({ type: 'DeleteUser', data: { userId: 'nobody' } }, initialState(), { catalog, now: NOW });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).not.toBeInstanceOf(DomainError);
      expect(String(thrown)).toMatch(/DeleteUser refused with UserNotFound, which COMMAND_ERRORS does not declare/);
    } finally {
      declared.push(...saved);
    }
  });
});
