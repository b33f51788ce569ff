/** A token's rights in the screen's language, as the admin's lists show them. */
import { msg } from '@lit/localize';

export function roleName(role: string): string {
  switch (role) {
    case 'wall':
      return msg('wall screen');
    case 'coach':
      return msg('coach');
    case 'member':
      return msg('member');
    case 'admin':
      return msg('admin');
    default:
      return role;
  }
}
