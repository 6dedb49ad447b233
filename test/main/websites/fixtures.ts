import type { ServedWebapp } from '../../../src-main/orchestration/backends/webapp-runtime'
import type {
  MountedContent,
  WebsiteObject,
} from '../../../src-main/orchestration/backends/website-objects'

/** Web apps and websites as the backends load them, built by hand for the renderers. */

const common = {
  accountId: 1,
  user: 'joe',
  group: 'joe',
  home: '/home/joe',
  runAs: 'joe-cgi',
  runAsGroup: 'joe',
  uploadDirs: [] as string[],
  timeoutSeconds: null as number | null,
}

export function servedApp(
  id: number,
  name: string,
  runtime: ServedWebapp['runtime'],
  fields: Partial<ServedWebapp> = {},
): ServedWebapp {
  const dir = `/home/joe/webapps/${name}`
  const type = runtime.kind === 'static' ? 'static' : runtime.kind === 'uwsgi' ? 'python' : 'php'
  return { ...common, id, name, type, appDir: dir, documentRoot: dir, runtime, ...fields }
}

export const fpmSocket = (id: number, name: string, fields: Partial<ServedWebapp> = {}) =>
  servedApp(
    id,
    name,
    { kind: 'fpm', listen: `unix:/run/php/joe-${name}.sock`, phpVersion: '8.2' },
    fields,
  )

export const staticApp = (id: number, name: string) => servedApp(id, name, { kind: 'static' })

export const mount = (path: string, app: ServedWebapp): MountedContent => ({
  path,
  webappId: app.id,
  webappName: app.name,
  app,
})

export function site(fields: Partial<WebsiteObject> = {}): WebsiteObject {
  return {
    id: 1,
    name: 'main',
    accountId: 1,
    protocol: 'http',
    active: true,
    uniqueName: 'joe-main',
    user: 'joe',
    group: 'joe',
    serverName: 'example.org',
    aliases: [],
    contents: [],
    directives: [],
    saasInstalls: {},
    tls: null,
    listen: ['*'],
    apache: {
      confDir: '/etc/apache2',
      accessLog: '/var/log/apache2/virtual/joe-main.log',
      errorLog: '',
    },
    nginx: {
      confDir: '/etc/nginx',
      accessLog: '/var/log/nginx/virtual/joe-main.log',
      errorLog: '',
    },
    ...fields,
  }
}
