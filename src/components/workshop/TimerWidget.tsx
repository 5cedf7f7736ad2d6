import { Timer } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { setTimer } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useRelayNow } from '../../hooks/useRelayNow';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { IDLE_TIMER, addTime, formatDuration, pauseTimer, resumeTimer, startTimer, timeLeft, timerPhase } from '../../model/workshop';
import './workshop.css';

/** A short, soft chime: the end of the countdown, without startling the room. */
function chime(): void {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 660;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.08, ctx.currentTime + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 1.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 1.3);
    osc.onended = () => void ctx.close();
  } catch {
    // No audio (autoplay policy, no device): the visual signal remains.
  }
}

/**
 * The shared countdown everyone sees; the facilitator starts, pauses, extends and stops it. Its
 * end is signalled for a while on every screen, then the timer ends by itself; each person may
 * dismiss the signal on their own screen sooner.
 */
export function TimerWidget() {
  const t = useT();
  const { doc } = useBoardSession();
  const { canFacilitate: facilitator } = useCapabilities();
  const { timer } = useWorkshop();
  const now = useRelayNow();
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState(10);
  // The end dismissed on this screen, by its time: the next countdown shows again.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const left = timeLeft(timer, now);
  const phase = timerPhase(timer, now);
  const ended = phase === 'ended' && dismissed !== timer.endsAt;
  const shown = phase === 'ended' && !ended ? 'idle' : phase;
  const signalled = useRef<number | null>(null);
  useEffect(() => {
    if (ended && signalled.current !== timer.endsAt) {
      signalled.current = timer.endsAt;
      chime();
    }
  }, [ended, timer.endsAt]);
  if (shown === 'idle' && !facilitator) return null;
  const label = ended ? t('timer.done') : t('timer.remaining', { time: formatDuration(left) });
  return (
    <div className="timer">
      <button
        type="button"
        className={`timer__display timer__display--${ended ? 'ended' : shown}`}
        aria-label={`${t('timer.label')} — ${shown === 'idle' ? '' : label}`}
        aria-expanded={facilitator ? open : undefined}
        onClick={() => facilitator && setOpen(!open)}
        disabled={!facilitator && shown === 'idle'}
      >
        <Timer className="icon" size={15} aria-hidden="true" />{' '}
        {shown === 'idle' ? t('timer.label') : ended ? t('timer.done') : formatDuration(left)}
      </button>
      {ended && (
        <button
          type="button"
          className="timer__dismiss"
          aria-label={t('timer.dismiss')}
          title={t('timer.dismiss')}
          onClick={() => setDismissed(timer.endsAt)}
        >
          ✕
        </button>
      )}
      <span className="visually-hidden" role="status">
        {ended ? t('timer.done') : ''}
      </span>
      {facilitator && open && (
        <div className="popover timer__menu">
          {shown === 'idle' || ended ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setTimer(doc, startTimer(Math.max(1, minutes) * 60_000, now));
                setOpen(false);
              }}
            >
              <label className="field">
                <span>{t('timer.minutes')}</span>
                <input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Number(e.target.value) || 1)} />
              </label>
              <button type="submit" className="button button--primary">
                {t('timer.start')}
              </button>
            </form>
          ) : (
            <div className="timer__controls">
              {timer.status === 'running' ? (
                <button type="button" className="button" onClick={() => setTimer(doc, pauseTimer(timer, now))}>
                  {t('timer.pause')}
                </button>
              ) : (
                <button type="button" className="button" onClick={() => setTimer(doc, resumeTimer(timer, now))}>
                  {t('timer.resume')}
                </button>
              )}
              <button type="button" className="button" onClick={() => setTimer(doc, addTime(timer, 60_000, now))}>
                {t('timer.addMinute')}
              </button>
            </div>
          )}
          {timer.status !== 'idle' && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setTimer(doc, IDLE_TIMER);
                setOpen(false);
              }}
            >
              {t('timer.reset')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
