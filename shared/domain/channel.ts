import * as z from 'zod';

export const channelSchema = z.enum(['whatsapp', 'messenger', 'instagram', 'email']);
export type Channel = z.infer<typeof channelSchema>;
