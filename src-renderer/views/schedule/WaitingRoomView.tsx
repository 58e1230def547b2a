import i18next from 'i18next';
import { useEffect, useState } from 'react';
import type { WaitingRoomBoard } from '../../../src-main/contract/appointments';
import { desk } from '../../api/client';
import { clinicTime } from './clinicTime';
import './waitingRoom.css';
import { serverNow } from '../../api/serverClock';

type Row = WaitingRoomBoard['practitioners'][number];

/** Each practitioner's state in one language, e.g. "Ritardo di circa 25 minuti". */
function stateText(lang: string, p: Row): string {
  const t = i18next.getFixedT(lang, 'schedule');
  if (p.state === 'finished') return t('waitingRoom.finished');
  if (p.state === 'delayed') return t('waitingRoom.delayed', { minutes: p.delayMinutes });
  return t('waitingRoom.onTime');
}

/**
 * The TV in the waiting room (second window, or http://host:port/waiting-room): each practitioner and
 * their delay in large type, in the clinic's languages, live. Never a patient's name.
 */
export function WaitingRoomView() {
  const [board, setBoard] = useState<WaitingRoomBoard | null>(null);
  const [now, setNow] = useState(serverNow);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const load = (): void => {
      desk.call('delays.waitingRoom', {}).then(
        (b) => {
          setBoard(b);
          setFailed(false);
        },
        () => setFailed(true),
      );
    };
    load();
    const off = desk.on('waitingRoom.updated', (b) => setBoard(b));
    const offRestored = desk.onConnectionRestored(load);
    const refresh = setInterval(load, 60_000);
    const tick = setInterval(() => setNow(serverNow()), 10_000);
    return () => {
      off();
      offRestored();
      clearInterval(refresh);
      clearInterval(tick);
    };
  }, []);

  const languages = board?.languages.length ? board.languages : ['it'];
  const [main, ...others] = languages;
  const title = languages.map((l) => i18next.getFixedT(l, 'schedule')('waitingRoom.title')).join(' · ');

  return (
    <div className="waiting-room" data-testid="waiting-room">
      <header className="wr-head">
        <div>
          <div className="wr-clinic">{board?.clinicName ?? ''}</div>
          <div className="wr-title">{title}</div>
        </div>
        <div className="wr-clock">{board ? clinicTime(now, board.timeZone) : ''}</div>
      </header>
      {failed && !board ? <div className="wr-empty">{i18next.getFixedT(main!, 'schedule')('waitingRoom.offline')}</div> : null}
      {board && board.practitioners.length === 0 ? <div className="wr-empty">{i18next.getFixedT(main!, 'schedule')('waitingRoom.noneToday')}</div> : null}
      <ul className="wr-list">
        {board?.practitioners.map((p) => (
          <li key={p.id} className={`wr-row ${p.state}`} style={{ ['--pcolour' as string]: p.colour }} data-testid={`wr-practitioner-${p.id}`} data-state={p.state}>
            <div className="wr-who">
              <div className="wr-name">{p.name}</div>
              {p.room ? <div className="wr-room">{p.room}</div> : null}
            </div>
            <div className="wr-state">
              <div className="wr-main" data-testid="wr-state-main">
                {p.state === 'delayed' ? <span className="wr-minutes">+{p.delayMinutes}′</span> : null}
                {stateText(main!, p)}
              </div>
              {others.map((l) => (
                <div key={l} className="wr-other" lang={l}>
                  {stateText(l, p)}
                </div>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <footer className="wr-foot">{languages.map((l) => i18next.getFixedT(l, 'schedule')('waitingRoom.footer')).join(' · ')}</footer>
    </div>
  );
}
