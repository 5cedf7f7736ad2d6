import { describe, expect, it } from 'vitest';
import { avatarColour, avatarText, initialsOf } from '../../src/model/personaAvatar';

describe('persona avatar', () => {
  it('takes up to two initials from the name before the first comma', () => {
    expect(initialsOf('Marie Dupont, 42 ans')).toBe('MD');
    expect(initialsOf('marie, 42 ans')).toBe('M');
    expect(initialsOf('Jean-Pierre Le Gall')).toBe('JL');
    expect(initialsOf('Élodie')).toBe('É');
    expect(initialsOf('Hugo (DG)')).toBe('HD');
    expect(initialsOf('  ')).toBe('?');
  });

  it('prefers the avatar the persona was given', () => {
    expect(avatarText({ avatar: '👩‍💼', name: 'Marie' })).toBe('👩‍💼');
    expect(avatarText({ avatar: ' ', name: 'Karim Benali' })).toBe('KB');
  });

  it('gives every client the same colour for a persona', () => {
    expect(avatarColour('abcDEF0123456789')).toBe(avatarColour('abcDEF0123456789'));
    expect(avatarColour('x')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
