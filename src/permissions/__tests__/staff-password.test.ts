import { staffPasswordProblem } from '../staff-password';

describe('staffPasswordProblem', () => {
  it.each(['Password1', 'Password123!', 'Sarajevo2026', 'Qwertyuiop123', 'sarajevo-trebević-2026'])('refuses %s', (password) => {
    expect(staffPasswordProblem(password)).toMatch(/at least 12 characters|too easy to guess|must contain/);
  });

  it.each(['Urednica-2026!', 'Čitateljka-2026!', 'Ljiljan kiša most trešnja 7', 'Kc9#vL2!pQ7z'])('accepts %s', (password) => {
    expect(staffPasswordProblem(password, ['urednica@spis.test'])).toBeUndefined();
  });

  it('never repeats the password in its message, and refuses what is not text or past 72 bytes', () => {
    for (const password of ['Password1', 'hunter2hunter2', 'š'.repeat(40)]) expect(staffPasswordProblem(password) ?? '').not.toContain(password);
    expect(staffPasswordProblem(12345678901234)).toBe('must be text');
    expect(staffPasswordProblem('š'.repeat(40))).toBe('must have at most 72 bytes');
  });
});
