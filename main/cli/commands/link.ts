// `authdesk link <customer>`: prints the customer's authorization link (asking Partner Center for it if need
// be) and records it as handed over (copied), so the customer moves to Sent and `verify --all` picks it up.
import { callHandler } from '../call-handler';
import { exitCodes, type CliCommand } from '../cli-command';
import { findCustomer } from '../find-customer';

export const linkCommand: CliCommand = {
  words: ['link'],
  usage: '<customer id or domain prefix> [--no-record]',
  summary: 'Print the authorization link and record it as sent',
  positionals: { min: 1, max: 1 },
  options: { 'no-record': { type: 'boolean' } },
  async run(context, values, [reference = '']) {
    const customer = findCustomer(context.services, reference);
    let detail =
      customer.authorizationLink === null
        ? await callHandler(context.handlers, 'requestAuthorizationLink', { customerId: customer.id })
        : await callHandler(context.handlers, 'getCustomer', { customerId: customer.id });
    if (values['no-record'] !== true) {
      detail = await callHandler(context.handlers, 'recordHandOff', { customerId: customer.id, channel: 'copy-link' });
    }
    const instructions = await callHandler(context.handlers, 'getInstructions', { customerId: customer.id });
    if (context.json) {
      context.out(
        JSON.stringify(
          {
            customerId: customer.id,
            status: detail.customer.status,
            link: instructions.link,
            subject: instructions.subject,
            body: instructions.body,
          },
          null,
          2,
        ),
      );
    } else {
      context.out(instructions.link);
    }
    return exitCodes.ok;
  },
};
