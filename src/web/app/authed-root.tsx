import { Outlet } from '@tanstack/react-router';
import { useProfileLanguage } from './language-sync.js';

/** Everything behind sign-in. */
export function AuthedRoot() {
  useProfileLanguage();
  return <Outlet />;
}
