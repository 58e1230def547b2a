import { lazy, type ReactNode } from 'react';
import type { Role } from '../../src-main/contract/define';
import { InboxView } from '../views/inbox/InboxView';
import type { IconName } from '../components/Icon';
import { parseScheduleRoute } from '../views/schedule/schedulePath';

// Every screen but the inbox is its own chunk, fetched the first time it opens (React.lazy + Suspense in
// App): the desk starts with the inbox's JavaScript only. A new screen: `const X = lazy(() => import(...).then(...))`.
const TemplatesView = lazy(() => import('../views/templates/TemplatesView').then((m) => ({ default: m.TemplatesView })));
const ScheduleView = lazy(() => import('../views/schedule/ScheduleView').then((m) => ({ default: m.ScheduleView })));
const WaitingRoomView = lazy(() => import('../views/schedule/WaitingRoomView').then((m) => ({ default: m.WaitingRoomView })));
const CallsView = lazy(() => import('../views/calls/CallsView').then((m) => ({ default: m.CallsView })));
const CampaignsView = lazy(() => import('../views/campaigns/CampaignsView').then((m) => ({ default: m.CampaignsView })));
const AuditView = lazy(() => import('../views/audit/AuditView').then((m) => ({ default: m.AuditView })));
const SettingsView = lazy(() => import('../views/settings/SettingsView').then((m) => ({ default: m.SettingsView })));

export interface RouteDef {
  /** First path segment: #/inbox/… */
  segment: string;
  /** i18n key of the navigation label (namespace:key). */
  label: string;
  icon: IconName;
  render(rest: string[]): ReactNode;
  /** Full-screen routes (the waiting-room TV) show without the desk chrome. */
  bare?: boolean;
  /** Hidden from the navigation rail. */
  hidden?: boolean;
  /** The least role that sees it (default: everyone). */
  role?: Role;
}

/** Statistics and their charting library load only when the screen opens: the desk's bundle stays small. */
const StatsView = lazy(() => import('../views/stats/StatsView'));

/** Every screen of the desk. A new view registers here with one line. */
export const routes: RouteDef[] = [
  { segment: 'inbox', label: 'common:nav.inbox', icon: 'inbox', render: (rest) => <InboxView conversationId={rest[0] ? Number(rest[0]) : null} /> },
  { segment: 'templates', label: 'templates:nav', icon: 'templates', render: (rest) => <TemplatesView templateId={rest[0] === 'new' ? 'new' : rest[0] ? Number(rest[0]) : null} /> },
  { segment: 'schedule', label: 'schedule:nav.label', icon: 'calendar', render: (rest) => <ScheduleView route={parseScheduleRoute(rest)} /> },
  { segment: 'waiting-room', label: 'schedule:waitingRoom.title', icon: 'tv', bare: true, hidden: true, render: () => <WaitingRoomView /> },
  { segment: 'calls', label: 'calls:title', icon: 'calls', render: () => <CallsView /> },
  { segment: 'stats', label: 'stats:nav', icon: 'stats', role: 'manager', render: (rest) => <StatsView day={rest[0] ?? null} /> },
  { segment: 'campaigns', label: 'campaigns:nav', icon: 'send', role: 'manager', render: () => <CampaignsView /> },
  { segment: 'audit', label: 'audit:nav', icon: 'file', role: 'admin', render: () => <AuditView /> },
  // Settings stays last in the rail: areas add their screens above this line.
  { segment: 'settings', label: 'common:nav.settings', icon: 'settings', render: (rest) => <SettingsView sectionId={rest[0] ?? null} /> },
];
