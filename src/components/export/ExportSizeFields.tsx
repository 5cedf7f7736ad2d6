import { useT } from '../../hooks/useT';
import {
  DPI_CHOICES,
  MAX_POSTER_SIDE,
  MIN_POSTER_WIDTH,
  PAPER_FORMATS,
  isRenderable,
  paperMillimetres,
  posterPixels,
  type PaperFormat,
  type PosterSize,
} from '../../model/paper';
import { useUiStore } from '../../store';

/** Paper format, orientation and resolution (or a custom width), with the resulting pixel size. */
export function ExportSizeFields({ size, onChange }: { size: PosterSize; onChange(size: PosterSize): void }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const number = new Intl.NumberFormat(locale);
  const px = posterPixels(size);
  const paper = size.kind === 'paper' ? size : null;
  const orientationWord = t(size.orientation === 'landscape' ? 'export.landscape' : 'export.portrait');
  const choose = (format: PaperFormat | 'custom') =>
    onChange(
      format === 'custom'
        ? { kind: 'custom', width: px.width, orientation: size.orientation }
        : { kind: 'paper', format, orientation: size.orientation, dpi: paper?.dpi ?? 150 },
    );
  return (
    <fieldset className="form-fields">
      <legend>{t('export.size')}</legend>
      <label className="form-field">
        <span>{t('export.paper')}</span>
        <select value={paper?.format ?? 'custom'} onChange={(e) => choose(e.target.value as PaperFormat | 'custom')}>
          {PAPER_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
          <option value="custom">{t('export.customWidth')}</option>
        </select>
      </label>
      <div className="form-field" role="radiogroup" aria-label={t('export.orientation')}>
        <span>{t('export.orientation')}</span>
        {(['landscape', 'portrait'] as const).map((o) => (
          <label key={o} className="form-radio">
            <input
              type="radio"
              name="orientation"
              checked={size.orientation === o}
              onChange={() => onChange({ ...size, orientation: o })}
            />
            {t(o === 'landscape' ? 'export.landscape' : 'export.portrait')}
          </label>
        ))}
      </div>
      {paper ? (
        <div className="form-field" role="radiogroup" aria-label={t('export.resolution')}>
          <span>{t('export.resolution')}</span>
          {DPI_CHOICES.map((dpi) => (
            <label key={dpi} className="form-radio">
              <input type="radio" name="dpi" checked={paper.dpi === dpi} onChange={() => onChange({ ...paper, dpi })} />
              {t('export.dpi', { dpi })}
            </label>
          ))}
        </div>
      ) : (
        <label className="form-field">
          <span>{t('export.widthPx')}</span>
          <input
            type="number"
            min={MIN_POSTER_WIDTH}
            max={MAX_POSTER_SIDE}
            step={100}
            value={size.kind === 'custom' ? size.width : px.width}
            onChange={(e) => onChange({ kind: 'custom', width: Number(e.target.value) || 0, orientation: size.orientation })}
          />
        </label>
      )}
      <p className="export-size" role="status" aria-live="polite">
        <strong>{t('export.pixels', { width: number.format(px.width), height: number.format(px.height) })}</strong>
        {paper && (
          <span className="muted">
            {' · '}
            {t('export.print', {
              format: paper.format,
              orientation: orientationWord.toLowerCase(),
              ...paperMillimetres(paper.format, paper.orientation),
              dpi: paper.dpi,
            })}
          </span>
        )}
      </p>
      {!isRenderable(px) && (
        <p className="error" role="alert">
          {t('export.tooLarge', { max: number.format(MAX_POSTER_SIDE), min: MIN_POSTER_WIDTH })}
        </p>
      )}
    </fieldset>
  );
}
