import { namespaces } from './namespaces';

export default namespaces(import.meta.glob<{ default: Record<string, unknown> }>('../locales/en/*.json', { eager: true }));
