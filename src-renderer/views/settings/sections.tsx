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
  { id: 'phone', label: 'calls:settings.nav', icon: 'calls', render: () => <PhoneSystemSection /> },
  { id: 'users', label: 'users:settings.title', icon: 'settings', render: () => <UsersSection /> },
];
