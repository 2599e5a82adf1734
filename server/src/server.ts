import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

// The whole entry point: a connection over the transport the client chose,
// console output routed to it (stdout would corrupt a stdio transport), and
// unexpected rejections logged rather than crashing the server.
const connection = createConnection(ProposedFeatures.all);
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
process.on('unhandledRejection', (reason: unknown) => {
  connection.console.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
});
startServer(connection);
