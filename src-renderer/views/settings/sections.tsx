import type { ReactNode } from 'react';
import type { IconName } from '../../components/Icon';
import { AutoRepliesSection } from './autoreplies/AutoRepliesSection';
import { DelaySettingsSection } from '../schedule/DelaySettingsSection';
import { ClinicSection } from './clinic/ClinicSection';
import { HoursSection } from './hours/HoursSection';
import { SmsSection } from './sms/SmsSection';
import { PhoneSystemSection } from './pbx/PhoneSystemSection';
import { WhatsAppSection } from './whatsapp/WhatsAppSection';
import { UsersSection } from './users/UsersSection';
import { SetupStepsSection } from '../setup/OptionalSteps';
import { AutomationsSection } from '../campaigns/AutomationsSection';
import { PrivacySection } from '../audit/PrivacySection';
import { DeskSection } from '../setup/DeskSection';
import { VisitLoopSection } from '../visitLoop/settings/VisitLoopSection';

export interface SettingsSection {
  /** Second path segment: #/settings/<id> */
  id: string;
  /** i18n key of the section's name (namespace:key). */
  label: string;
  icon: IconName;
  render(): ReactNode;
}

/** Every section of Settings, in the order shown. A channel or area adds its section here with one line. */
export const settingsSections: SettingsSection[] = [
  { id: 'clinic', label: 'settings:clinic.title', icon: 'settings', render: () => <ClinicSection /> },
  { id: 'hours', label: 'templates:hours.title', icon: 'clock', render: () => <HoursSection /> },
  { id: 'autoreplies', label: 'templates:auto.title', icon: 'templates', render: () => <AutoRepliesSection /> },
  { id: 'whatsapp', label: 'whatsapp:title', icon: 'whatsapp', render: () => <WhatsAppSection /> },
  { id: 'sms', label: 'sms:title', icon: 'sms', render: () => <SmsSection /> },
  { id: 'delays', label: 'schedule:settings.title', icon: 'calendar', render: () => <DelaySettingsSection /> },
  { id: 'visitloop', label: 'visit-loop-settings:nav', icon: 'bell', render: () => <VisitLoopSection /> },
  { id: 'phone', label: 'calls:settings.nav', icon: 'calls', render: () => <PhoneSystemSection /> },
  { id: 'users', label: 'users:settings.title', icon: 'settings', render: () => <UsersSection /> },
  { id: 'setup', label: 'setup:resume.title', icon: 'settings', render: () => <SetupStepsSection /> },
  { id: 'automations', label: 'campaigns:automations.title', icon: 'bell', render: () => <AutomationsSection /> },
  { id: 'privacy', label: 'gdpr:title', icon: 'user', render: () => <PrivacySection /> },
  { id: 'desk', label: 'setup:desk.title', icon: 'settings', render: () => <DeskSection /> },
];
