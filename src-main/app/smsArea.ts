import { smsGateway } from '../channels/sms/smsGateway';
import { createSmsArea } from '../domain/sms/smsArea';

/** The SMS area wired to the real provider adapters (the domain receives them through the SmsGateway port). */
export const smsArea = createSmsArea({ gateway: smsGateway });
