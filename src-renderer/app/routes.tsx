import type { ReactNode } from 'react';
import { CallsView } from '../views/calls/CallsView';
import { CampaignsView } from '../views/campaigns/CampaignsView';
import { AuditView } from '../views/audit/AuditView';
import { InboxView } from '../views/inbox/InboxView';
import { ScheduleView } from '../views/schedule/ScheduleView';
import { WaitingRoomView } from '../views/schedule/WaitingRoomView';
import { SettingsView } from '../views/settings/SettingsView';
import { TemplatesView } from '../views/templates/TemplatesView';
import type { IconName } from '../components/Icon';

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
}

/** Every screen of the desk. A new view registers here with one line. */
export const routes: RouteDef[] = [
  { segment: 'inbox', label: 'common:nav.inbox', icon: 'inbox', render: (rest) => <InboxView conversationId={rest[0] ? Number(rest[0]) : null} /> },
  { segment: 'templates', label: 'templates:nav', icon: 'templates', render: (rest) => <TemplatesView templateId={rest[0] === 'new' ? 'new' : rest[0] ? Number(rest[0]) : null} /> },
  { segment: 'schedule', label: 'schedule:nav.label', icon: 'calendar', render: () => <ScheduleView /> },
  { segment: 'waiting-room', label: 'schedule:waitingRoom.title', icon: 'tv', bare: true, hidden: true, render: () => <WaitingRoomView /> },
  { segment: 'calls', label: 'calls:title', icon: 'calls', render: () => <CallsView /> },
  { segment: 'campaigns', label: 'campaigns:nav', icon: 'send', render: () => <CampaignsView /> },
  { segment: 'audit', label: 'audit:nav', icon: 'file', render: () => <AuditView /> },
  // Settings stays last in the rail: areas add their screens above this line.
  { segment: 'settings', label: 'common:nav.settings', icon: 'settings', render: (rest) => <SettingsView sectionId={rest[0] ?? null} /> },
];
