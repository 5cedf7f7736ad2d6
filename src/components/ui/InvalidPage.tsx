import { useT } from '../../hooks/useT';
import { MessagePage } from './MessagePage';

/** Shown for an address that is not a board: says so, and leads home. */
export function InvalidPage() {
  const t = useT();
  return <MessagePage title={t('notFound.title')} body={t('notFound.body')} />;
}
