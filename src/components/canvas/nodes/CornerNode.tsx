import { memo } from 'react';
import { useT } from '../../../hooks/useT';

/** The top-left corner of the matrix, naming its two axes. */
export const CornerNode = memo(function CornerNode() {
  const t = useT();
  return (
    <div className="corner" aria-hidden="true">
      <span className="corner__stages">{t('stage.label')} →</span>
      <span className="corner__channels">{t('channel.label')} ↓</span>
    </div>
  );
});
