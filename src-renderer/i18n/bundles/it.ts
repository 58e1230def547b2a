import { namespaces } from './namespaces';

export default namespaces(import.meta.glob<{ default: Record<string, unknown> }>('../locales/it/*.json', { eager: true }));
