/** An e-mail as the mail activity hands it to nodemailer. */
export interface EmailAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
  /** Set for images shown in the HTML as `cid:<cid>`. */
  cid?: string;
}

export interface EmailMessage {
  subject: string;
  html: string;
  /** The plain-text alternative. */
  text: string;
  attachments: EmailAttachment[];
}
