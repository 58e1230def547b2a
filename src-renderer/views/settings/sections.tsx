import type { ReactNode } from 'react';
import type { IconName } from '../../components/Icon';
import { ClinicSection } from './clinic/ClinicSection';

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
];
