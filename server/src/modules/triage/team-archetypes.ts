import {
  compilePhraseSet,
  findPhraseMatches,
  type IssueToken,
  matchedText,
  type PhraseSet,
  tokenizeIssueText,
} from './text-features.js';
import type { TriageTeamProfile } from './triage.types.js';
import { averageWordVector, dotProduct } from './word-vectors.js';

/**
 * A kind of engineering team most organisations have (platform, database, mobile...), with the words people use
 * when something in its care breaks. A configured team that resembles one borrows its words, so a cold start routes
 * "users get logged out every 5 minutes" to the identity team although its admin never listed "logged out".
 */
export interface TeamArchetype {
  id: string;
  /** What such teams are called; with `keywords`, the archetype's meaning. */
  names: readonly string[];
  /** The routing keywords an admin would typically list for such a team. */
  keywords: readonly string[];
  /** Symptom and domain phrases of incident reports and chat, as people write them. */
  phrases: readonly string[];
  /**
   * The archetypes whose teams take these words when no configured team resembles this one, shared evenly: most
   * organisations without a release or observability team leave CI and monitoring to their platform team, and
   * "the dropdown is cut off" is the web or the mobile team's, whichever the organisation has, or both.
   */
  foldsInto?: readonly string[];
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== '');
}

/**
 * The built-in archetypes. A phrase belongs to one archetype only: a word two kinds of team both use ("timeout",
 * "latency", "dashboard numbers" vs "dashboard") is left out or kept by the kind it mostly means, and the longer
 * phrase wins where they overlap ("search index" over "index"). Left out on purpose, as they pulled messages to the
 * wrong team in cross-validation: a bare "table", "row" or "column" (a page's table as often as a database's),
 * "alerts" (product alerts are notifications), "export" and "import" (any team's feature), "sort by" and "mismatch".
 */
export const teamArchetypes: readonly TeamArchetype[] = [
  {
    id: 'platform',
    names: list(
      'platform, infrastructure, infra, sre, site reliability, devops, cloud, compute, ops, operations',
    ),
    keywords: list(
      'kubernetes, k8s, cluster, pod, container, docker, terraform, ec2, vm, disk, autoscaling, helm',
    ),
    phrases: list(`
      kubernetes, k8s, kubectl, kubelet, kube proxy, kube apiserver, kube system, control plane, etcd, pod,
      pods, node pool, node group, worker node, worker nodes, node not ready, nodes not ready, notready,
      node pressure, crashloopbackoff, crash loop, crashlooping, imagepullbackoff, errimagepull, image pull,
      pulling the image, oomkilled, oom killed, oom killer, oom, out of memory, evicted, eviction,
      pending pods, pod pending, unschedulable, insufficient cpu, insufficient memory, taint, toleration,
      daemonset, statefulset, replicaset, hpa, horizontal pod autoscaler, cluster autoscaler, karpenter,
      autoscaling, autoscaler, autoscaling group, asg, scale up, scale down, scaled down, scaling policy,
      spot instance, spot instances, spot interruption, preempted, preemptible, ec2, ecs, fargate, eks, gke,
      aks, openshift, rancher, k3s, nomad, cloud run, app engine, elastic beanstalk, heroku, dyno, dynos,
      lambda, lambdas, cloud functions, cold starts, vm, vms, virtual machine, virtual machines, hypervisor,
      vmware, proxmox, bare metal, instance type, instance types, ec2 instance, instance retirement,
      scheduled maintenance, server, servers, ssh, bastion, jump host, jumpbox, disk full,
      disk space, disk usage, no space left on device, out of disk, inode, inodes, ebs, ebs volume,
      persistent volume, persistent volumes, pvc, pv, volume mount, mount, mounted, nfs, efs, filesystem,
      file system, read-only file system, docker, dockerd, containerd, container, containers,
      container runtime, ecr, gcr, image registry, container registry, terraform, terraform apply,
      terraform plan, tfstate, terraform state, state lock, pulumi, cloudformation, cdk, ansible, puppet,
      chef, salt, packer, ami, golden image, helm, helm chart, helm release, kustomize, namespace, namespaces,
      resource quota, resource limits, cpu limit, cpu limits, memory limit, cpu throttling, throttled cpu,
      memory pressure, load average, high load, kernel, kernel panic, systemd, systemctl, journald,
      journalctl, cron, cronjob, cron job, cron jobs, crontab, liveness probe, readiness probe, startup probe,
      probe failing, restarts, restart loop, rolling restart, service mesh, istio, linkerd, sidecar, sidecars,
      consul, config map, configmap, secret mount, environment variable, environment variables, env var,
      env vars, cloud account, aws account, aws console, gcp project, azure subscription, cloud bill,
      cloud costs, cloud spend, cost spike, reserved instances, savings plan, service quota, quota exceeded,
      vcpu limit, region outage, availability zone, az outage, single az, multi az, s3, s3 bucket, bucket,
      buckets, gcs, blob storage, object storage, storage account, minio, ceph, nat instance,
      capacity planning, capacity, headroom, underprovisioned, overprovisioned, rightsizing, noisy neighbour,
      noisy neighbor, shared runner host, infra, infrastructure, provisioning infra, infra as code,
      infrastructure as code, iac, gitops, worker pool, job runner, batch cluster, ephemeral storage,
      tmp directory, ulimit, file descriptors, too many open files, zombie processes, process killed, sigkill,
      sigterm, exit code 137, exit code 143, clock skew, ntp, time drift, chrony, os patch, os upgrade,
      ubuntu, debian, centos, rhel, amazon linux, alpine, windows server, vps, droplet, hetzner, ovh, linode,
      digitalocean, colo, datacenter power, rack, hardware failure, failed disk, raid, os patching,
      kernel patch, swap usage, service discovery,
      aws, gcp, google cloud, azure, fail to boot, fails to boot, failed to boot, won't boot, boot loop,
      reboot, reboots, rebooted, rebooting, restarts by itself, new instances, instances stopped,
      can't schedule, cannot be scheduled, failedscheduling, failed scheduling, nodes are available,
      pulling images, image pulls, vault, hashicorp vault, secrets manager, secret manager, kms,
      shared config, machines virtuelles, machine virtuelle, máquinas virtuales, egress costs,
      data transfer costs, nat costs
    `),
  },
  {
    id: 'observability',
    names: list('observability, monitoring, telemetry, logging, metrics, alerting'),
    keywords: list('prometheus, grafana, datadog, logs, metrics, tracing, pagerduty, sentry'),
    foldsInto: ['platform'],
    phrases: list(`
      prometheus, promql, alertmanager, grafana, grafana dashboard, datadog, datadog agent, new relic,
      newrelic, dynatrace, appdynamics, honeycomb, lightstep, signoz, victoriametrics, thanos, cortex, mimir,
      loki, tempo, jaeger, zipkin, opentelemetry, otel, otel collector, tracing, traces, distributed tracing,
      cloudwatch, cloudwatch logs, log group, log groups, stackdriver, cloud logging, azure monitor, splunk,
      sumo logic, papertrail, logstash, fluentd, fluent bit, fluentbit, vector agent, filebeat, elk,
      elk stack, kibana, graylog, log shipping, log shipper, log ingestion, log retention, log volume,
      logs missing, missing logs, no logs, log lines, logging pipeline, log level, debug logs,
      verbose logging, metrics missing, missing metrics, metric gaps, gaps in the graphs, flatlined,
      flat line, cardinality, high cardinality, scrape, scrape target, scrape targets, exporter,
      node exporter, statsd, telegraf, pagerduty, opsgenie, victorops, incident.io, alerting, alert fatigue,
      noisy alert, noisy alerts, false alarm, false alarms, false positive alert, pager, on call, on-call,
      oncall, runbook, runbooks, uptime check, uptime robot, synthetic check, synthetic checks, synthetics,
      pingdom, heartbeat, dead man switch, slo, slos, sli, slis, error budget, burn rate, apm, sentry alerts,
      error tracking, monitoring, monitors, observability, telemetry, got paged, was paged, trace spans,
      log rotation, sampling rate, alert rule, alert rules, alert fired, alerts firing, alert storm,
      monitoring alert, prometheus alert, datadog alert, datadog monitor, sentry issue, sentry errors
    `),
  },
  {
    id: 'release',
    names: list('release engineering, ci cd, build, developer experience, devex, developer productivity, qa'),
    keywords: list('ci, cd, build, ci pipeline, deploy, release, github actions, jenkins, tests, rollback'),
    foldsInto: ['platform'],
    phrases: list(`
      deploy, deploys, deployed, deploying, deployment failed, failed deployment, failed deploy, bad deploy,
      deploy pipeline, deploy freeze, deployment, deployments, rollback, roll back, rolled back, rolling back,
      revert, reverted, reverting, hotfix, hotfixes, release train, release branch, cut a release,
      release candidate, changelog, version bump, semver, git tag, merge, merged, merge queue, merge conflict,
      pull request, pull requests, pr, prs, code review, ci, ci cd, cd, ci pipeline, build pipeline,
      release pipeline, build, builds, build failed, build failing, broken build, red build, build is red,
      build times, build time, slow builds, build cache, build agent, build agents, compile, compilation,
      compiler, npm install, npm ci, yarn, pnpm, lockfile, package lock, dependency, dependencies,
      dependency update, dependabot, renovate, github actions, gha, workflow run, gitlab ci, gitlab runner,
      jenkins, jenkinsfile, circleci, buildkite, travis, teamcity, bamboo, tekton, argo, argocd, argo cd,
      argo rollouts, flux, spinnaker, octopus, runner, runners, self-hosted runner, self hosted runners,
      artifact, artifacts, artifactory, nexus, docker build, dockerfile, image tag, image tags, canary,
      canaries, blue green, staged rollout, progressive delivery, rollout, rolled out, rolling out,
      feature flag, feature flags, feature toggle, launchdarkly, unleash, flagsmith, staging environment,
      preprod, pre-prod, preview environment, preview environments, review app, dev environment,
      qa environment, flaky, flaky test, flaky tests, test suite, unit tests, integration tests, e2e,
      e2e tests, end to end tests, cypress, selenium, playwright, jest, pytest, junit, mocha, vitest, rspec,
      test coverage, code coverage, lint, linter, linting, eslint, sonar, sonarqube, monorepo, git, github,
      gitlab, bitbucket, repo, repos, repository, branch, branches, main branch, master branch, force push,
      force pushed, commit, commits, code freeze, change freeze, qa, smoke test, smoke tests, sanity check,
      release manager, deploy window, change window, change request, migration job, promote to prod,
      promoted to production, pre commit hook, test assertion, assertion failed, harness ci, release failed,
      release blocked, release job, staging deploy, deploy to staging, staging is down, tests failing,
      failing tests, test failures, ci tests
    `),
  },
  {
    id: 'database',
    names: list('database, databases, dba, data storage, persistence, datastore, sql'),
    keywords: list(
      'database, db, postgres, mysql, sql, query, replica, replication, deadlock, migration, redis',
    ),
    phrases: list(`
      database, databases, db, dbs, dba, postgres, postgresql, psql, pg, mysql, mariadb, percona, aurora, rds,
      rds instance, cloud sql, alloydb, sql server, mssql, tsql, oracle db, oracle database, ora, sqlite,
      cockroachdb, cockroach, tidb, vitess, planetscale, spanner, supabase, cassandra, scylla, scylladb,
      dynamodb, dynamo, cosmos db, cosmosdb, mongodb, mongo, mongos, mongod, atlas cluster, couchbase,
      couchdb, firestore, redis, redis cluster, redis sentinel, memcached, elasticache, valkey, keydb, hbase,
      neo4j, timescale, timescaledb, psycopg, sqlalchemy, operationalerror, integrityerror,
      querycanceled, sqlexception, pgerror, odbc, c3p0, connection pool,
      connection pooling, pool exhausted, connection pool exhausted, too many connections, max connections,
      too many clients, remaining connection slots, connection slots, connection limit, idle connections,
      idle in transaction, pgbouncer, pgpool, proxysql, rds proxy, mysql server has gone away,
      lost connection to mysql, read replica, read replicas, replica, replica lag, replication,
      replication lag, replication slot, replication slots, replication broke, logical replication,
      streaming replication, primary db, writer instance, reader instance,
      reader endpoint, writer endpoint, failed over, fail over, switchover, standby, hot standby,
      promoted the replica, split brain, read only mode, wal, write ahead log, wal files, binlog,
      binlogs, binary log, gtid, oplog, vacuum, vacuuming, autovacuum, vacuum full, bloat, table bloat,
      index bloat, dead tuples, transaction wraparound, wraparound, xid, query planner, query plan,
      explain analyze, seq scan, sequential scan, full table scan, missing index, index, indexes,
      index scan, reindex concurrently, create index, slow query, slow queries, slow query log,
      long running query, long running queries, long running transaction, query, queries, statement timeout,
      canceling statement, lock timeout, deadlock, deadlocks, deadlocked, deadlock detected, lock wait,
      lock waits, lock contention, row lock, row locks, table lock, advisory lock, locks held,
      blocking queries, blocked queries, row count, row counts, table size, schema,
      schemas, schema change, schema migration, migration, migrations, migrate, migrated, alembic, flyway,
      liquibase, knex, prisma, sequelize, typeorm, hibernate, activerecord, active record, orm, n 1 queries,
      n 1 query, foreign key, foreign keys, constraint, constraints, unique constraint, constraint violation,
      duplicate key, duplicate key value, not null       constraint, check constraint,
      relation does not exist, column does not exist, null value in column, transaction isolation,
      serializable, could not serialize access, serialization failure, rollback segment, snapshot too old,
      backup, backups, restoring, pitr, point in time restore,
      db snapshot, database snapshot, pg dump, pg restore, pg basebackup, mysqldump, dump file, shard key,
      resharding, table partition, partitioned table, iops, provisioned iops, burst balance, storage full,
      storage autoscaling, free storage space, db disk, database disk, tablespace, materialized view,
      materialized views, stored procedure, stored procedures, auto increment, autoincrement,
      integer overflow, primary key, uuid collision, data corruption, corrupted rows, corrupt index,
      index corruption, checksum failure, lost writes, stale reads, read after write, write amplification,
      hot partition, hot key, hot keys, keyspace, maxmemory, eviction policy, cache tier, cache cluster,
      cache node, cache nodes, redis memory, key eviction, data migration,
      orphaned rows, cascade delete, truncated table, dropped table, drop table, upsert, bulk insert, insert,
      inserts, writes failing, write latency, read latency, query latency, db latency, database latency,
      db cpu, database cpu, db connections, database connections, connection storm, read copies,
      read only copy, behind the primary, the writer, replica behind, replica is behind,
      seconds behind master, seconds behind source, lagging behind the primary, db trigger, database trigger,
      nextval, sequence values, truncate table, connection leak, leaking connections, mongo collection,
      collection scan, database credentials, db credentials, db user, database user, database role, db role,
      grant, grants,
      primary, the primary, primary instance, primary database, primary cpu, failover, failovers,
      failover test, failover drill, key value store, key-value store, kv store, work mem, shared buffers,
      effective cache size, buffer pool, innodb, temp files, temporary files, charset, character set,
      collation, utf8mb4, latin1, mojibake, value too long, character varying, varchar, column type,
      data type, nested loop, hash join, merge join, slow join, planner statistics, table statistics,
      pg stat statements, connection churn, short lived connections, new connections per second, copy of prod,
      copy of production, prod copy, production copy, anonymized data, anonymised data, anonymized copy,
      data masking, read only user, read only credentials, readonly user, erd, entity relationship diagram,
      data dictionary, restore from backup, restored from backup, base de datos, base de données, datenbank,
      banco de dados
    `),
  },
  {
    id: 'network',
    names: list('network, networking, edge, cdn, traffic, connectivity, netops, dns'),
    keywords: list('dns, cdn, load balancer, tls, certificate, firewall, vpn, ingress, nginx, packet loss'),
    phrases: list(`
      network, networking, network issue, network latency, dns, nxdomain, servfail, dns resolution,
      dns propagation, dns record, dns records, dns change, name resolution, resolver, resolvers, route53,
      route 53, coredns, kube dns, nameserver, nameservers, registrar, domain expired, domain renewal, cname,
      a record, aaaa record, txt record, ttl, apex domain, custom domain, custom domains, subdomain,
      subdomains, hostname, cloudflare, akamai, fastly, cloudfront, bunny cdn, cdn, edge location,
      edge locations, edge node, point of presence, cache purge, purge the cache, purged the cache, cdn cache,
      cached at the edge, origin server, origin shield, origin timeout, origin unreachable, load balancer,
      load balancers, load balancing, lb, alb, elb, nlb, glb, haproxy, nginx, envoy, traefik, ingress,
      ingress controller, nginx ingress, egress, nat gateway, nat, gateway, api gateway, 502, 504, upstream connect error, upstream timed out, upstream prematurely closed,
      no healthy upstream, upstream, unhealthy targets, unhealthy target,
      unhealthy hosts, health check, health checks, healthcheck, tls, ssl, tls handshake, ssl handshake,
      handshake, handshake failed, certificate, certificates, cert, certs, certificate expired,
      expired certificate, cert expired, cert expiry, certificate expiry, ssl certificate, tls certificate,
      lets encrypt, letsencrypt, acme, cert manager, certmanager, ca bundle, intermediate certificate,
      certificate chain, self signed, self-signed certificate, x509, sni, hsts, mtls, mutual tls, err cert,
      net err, err connection reset, err name not resolved, err connection timed out, err ssl protocol error,
      ssl error, your connection is not private, firewall, firewall rule, firewall rules, security group,
      security groups, nacl, network acl, acl, acls, allowlist, whitelist, ip allowlist, ip whitelist,
      blocked ip, ip blocked, ip range, ip ranges, vpn, wireguard, openvpn, tailscale, zerotier, tunnel,
      tunnels, ipsec, site to site, direct connect, expressroute, interconnect, transit gateway, privatelink,
      private link, vpc, vpcs, vpc peering, subnet, subnets, cidr, ip address, ip addresses, ipv4, ipv6,
      elastic ip, static ip, public ip, private ip, port, ports, port 443, port 80, packet loss, packets,
      dropped packets, packets dropped, retransmits, retransmissions, traceroute, mtr, mtu, jitter, bandwidth,
      bgp, route leak, routing, route table, routes, anycast, isp, isps, transit provider, fiber cut,
      backbone, office network, office wifi, on the vpn, off the vpn, wifi, wi-fi, ethernet,
      switch port, core switch, top of rack, datacenter link, between datacenters, cross dc, cross-dc,
      between regions, cross region, inter region,
      one region only, specific isp, one isp, from asia, from europe, from australia, from india, from china,
      from brazil, geo routing, geodns, latency based routing, econnrefused, econnreset, etimedout,
      ehostunreach, enetunreach, enotfound, eai again, connection refused, connection reset,
      connection reset by peer, connection timed out, connect timeout, connection timeout,
      timed out connecting, socket hang up, socket timeout, broken pipe, no route to host, host unreachable,
      network unreachable, unreachable, name or service not known, getaddrinfo, could not resolve host,
      temporary failure in name       resolution, dial tcp, i o timeout, tcp, udp, http2, http 2, http3, quic,
      websocket, websockets, idle timeout, keepalive, keep alive, proxy, proxies, reverse proxy,
      forward proxy, squid, proxy pass, too many redirects,
      redirect to https, http to https, www redirect, brotli, gzip, compression, content encoding,
      edge function, edge functions, edge worker, cloudflare worker, cloudflare workers, page rule,
      page rules, ssl termination, tls termination, cipher suite, tls version, ssl labs, hairpin,
      sticky sessions, session affinity, connection draining, deregistration delay, 503 from the lb,
      lb returns, ddos protection, ddos mitigation, rate limiting at the edge, geo blocking, geoblocking,
      egress ip, egress ips, outbound ip, static egress, proxy protocol, x forwarded for, edge pop, cdn pop,
      edge network, edge server, edge servers, edge cache, at the edge, cdn edge, origin errors, origin pull,
      peering session, core router, edge router, border router, wifi router, lb listener, https listener,
      certificate authority, ping times, ping loss, cannot ping, can't ping, icmp
    `),
  },
  {
    id: 'payments',
    names: list(
      'payments, billing, checkout, invoicing, subscriptions, revenue, monetization, finance engineering',
    ),
    keywords: list(
      'payment, checkout, stripe, invoice, refund, billing, charge, subscription, credit card, payout',
    ),
    phrases: list(`
      payment, payments, pay, paid, unpaid, paying, checkout, checkouts, checkout page, checkout flow,
      pay button, pay now, payment method, payment methods, payment page, payment form, payment failed,
      payment failures, failed payment, failed payments, payment declined, declined, declines, card declined,
      cards declined, do not honor, insufficient funds, card, cards, credit card, credit cards, debit card,
      card number, cvc, cvv, card expiry, expired card, 3ds, 3d secure, 3ds2, sca,
      strong customer authentication, psd2, stripe, stripe checkout, braintree, adyen, paypal, klarna,
      afterpay, affirm, apple pay, google pay, checkout com, worldpay, mollie, razorpay, paddle, chargebee,
      recurly, zuora, chargify, gocardless, invoice, invoices, invoiced, invoicing, invoice pdf, receipt,
      receipts, credit note, credit notes, billing, billed, bill, bills, billing address, billing portal,
      billing page, billing cycle, billing period, billing date, proration, prorated, prorate, prorating,
      refund, refunds, refunded, refunding, partial refund, chargeback, chargebacks, dispute, disputes,
      disputed, charge, charged, charges, charging, double charged, charged twice, double charge,
      double charges, double billed, overcharged, undercharged, charged the wrong amount, wrong amount,
      amount due, amount charged, subtotal, price, prices, pricing, pricing page, pricing plan, seat, seats,
      per seat, seat count, subscription, subscriptions, subscribed, renewal, renewals, renew, renewed,
      auto renew, auto-renew, trial, trials, free trial, trial ended, trial expired, coupon, coupons,
      promo code, promo codes, discount, discounts, discount code, voucher, vouchers, gift card, gift cards,
      tax, taxes, vat, sales tax, gst, tax rate, tax id, vat number, avalara, taxjar, currency, currencies,
      exchange rate, exchange rates, fx, usd, eur, gbp, multi currency, cents, payout, payouts, paid out,
      settlement, settlements, reconciliation, reconcile, ledger, ledger entries, wallet, wallets, top up,
      top-up, store credit, account credit, bank, bank account, bank transfer, wire transfer, ach,
      direct debit, iban, bacs, dunning, payment retries, past due, overdue, delinquent, order total,
      order confirmation, cart, shopping cart, basket, purchase, purchases, purchased, buy, buying, bought,
      payment intent, paymentintent, setup intent, payment gateway, payment provider, payment processor, psp,
      acquirer, issuing bank, merchant, merchant account, payment terminal, point of sale, pos, card reader,
      pci, pci dss, idempotency, idempotency key, money, revenue, mrr, arr, price change, charge failed,
      payment pending, pending payment, payment stuck, authorization hold, pre authorization, uncaptured,
      fraud, fraudulent, card testing, carding, stolen cards, radar, risk score, high risk payment, zahlung,
      rechnung, facture, paiement, factura, paid plan, free plan, annual plan, monthly plan, plan upgrade,
      plan change, pro plan, enterprise plan, account balance, wallet balance, balance due, negative balance,
      order failed, orders failing, order stuck, order status, order history, place an order, placing orders,
      new orders, order id, rounding error, rounding errors, payment capture, capture failed, sepa debit,
      sepa transfer, sepa direct debit, sepa mandate, direct debit mandate, square payments, card issuer,
      duplicate charge, duplicate charges, duplicate payment, duplicate payments, upgrade to pro,
      upgrade plan, upgraded plan, upgrade my plan, downgrade plan, downgraded plan, plan downgrade,
      shipping cost, shipping costs, shipping fee, shipping fees, shipping address, shipping rate,
      free shipping, order summary, final amount, total amount, fee, fees, overage, overages,
      usage based billing, metered billing, under collecting, monthly total, bancontact, ideal payment,
      sofort, giropay, przelewy, pix payment, pix payments, boleto, multibanco, blik, alipay, wechat pay,
      visa, mastercard, amex, american express, discover card, jcb, union pay, card brand, card logo,
      card network, pago, pagos, pagamento
    `),
  },
  {
    id: 'identity',
    names: list(
      'identity, auth, authentication, accounts, access management, iam, login, sso, user management',
    ),
    keywords: list(
      'login, log in, sso, oauth, saml, password, mfa, 2fa, session, token, sign in, okta, auth',
    ),
    phrases: list(`
      auth, authentication, authenticate, authenticated, unauthenticated, authorization, authn, authz, login,
      logins, log in, logging in, logged in, log-in, logon, sign in, signin, sign-in, signing in, signed in,
      sign on, single sign on, sso, login page, login screen, login form, login button, login fails,
      login failed, failed login, failed logins, login error, logged out, log out, logout, logging out,
      logs me out, logs us out, logs users out, sign out, signed out, signs out, kicks me out,
      kicks us out, keeps logging me out, logged off, can't log in, cannot log in,
      cannot get in, can't sign in, unable to log in, unable to sign in, lockout, account locked,
      account lockout, locked account, password, passwords, password reset, reset password, forgot password,
      reset link, password reset link, password change, change password, password policy, password expired,
      wrong password, incorrect password, invalid password, invalid credentials, bad credentials,
      username, usernames, user name, email verification, verify email, verification email, verification link,
      verification code, verification codes, confirmation code, one time code, one-time code,
      one time password, otp, totp, 2fa, two factor, two-factor, mfa, multi factor, multi-factor,
      authenticator, authenticator app, google authenticator, authy, backup codes, recovery codes,
      recovery code, sms code, login code, security key, security keys, yubikey,
      webauthn, passkey, passkeys, fido, fido2, magic link, magic links, login link, sign in link,
      passwordless, session, sessions, session expired, session expires, session timeout, session timed out,
      session cookie, auth cookie, cookie expired, remember me, stay signed in, keeps asking me to log in,
      asked to log in again, login loop, redirect loop, token, tokens, access token, refresh token,
      refresh tokens, id token, bearer token, jwt, jwts, jwks, token expired, expired token, invalid token,
      token refresh, token expiry, invalid grant, invalid client, unauthorized client, redirect uri,
      redirect uri mismatch, callback url, oauth, oauth2, oauth app, oidc, openid, openid connect, saml,
      saml assertion, saml response, saml sso, saml certificate, idp, identity provider, sp initiated,
      idp initiated, metadata xml, entity id, acs url, okta, auth0, keycloak, azure ad, entra, entra id,
      active directory, ldap, ad group, ad groups, onelogin, ping identity, pingfederate, jumpcloud, cognito,
      firebase auth, google login, sign in with google, sign in with apple, login with google,
      login with github, social login, deprovisioning, deprovisioned, user provisioning,
      jit provisioning, just in time provisioning, directory sync, invite, invites, invited, invitation,
      invitations, invite email, invited users, accept invite, accept the invitation, sign up,
      signup, signups, sign-up, signing up, registration, register, registered, create account,
      create an account, account creation, new account, user account, user accounts, my account,
      delete account, account deletion, merge accounts, duplicate accounts, impersonation, impersonate,
      permission, permissions, permission       denied, role, roles, rbac, abac, access control, admin role,
      access denied, no access, lost access, can't access my account, workspace access, org admin, owner role,
      member role, 401, 403, forbidden, unauthorized, unauthorised, not authorized, not allowed to, captcha,
      recaptcha, hcaptcha, turnstile, identity, iam, user management, user directory, email change,
      change email, primary email, account recovery, recover account, anmeldung, anmelden, passwort,
      connexion, mot de passe, contraseña, iniciar sesión, phone verification,
      personal access token, oidc discovery, discovery document, well known configuration, wrong account,
      account email, login email, email on the account, verify your device, device verification,
      trusted device, trusted devices, trust this device, remember this device, new device login,
      new device sign in, unknown device, unrecognized device, enter the code, type the code, invalid code,
      code is invalid, code expired, code not accepted, code doesn't work, asked for the code,
      asks for the code, asked for a code, last active, device list, devices list, active sessions,
      logged in devices, sign in with github, log in with github, github login, discovery url,
      discovery endpoint, scim, unrecognized login, unrecognised login, unknown login,
      login from another country, someone logged into, someone else logged in, hacked account,
      compromised account, minha conta, mi cuenta, mon compte, mein konto, entrar na conta, senha, eingeloggt,
      ausgeloggt, abgemeldet, angemeldet, einloggen, ausloggen, pw, pw reset
    `),
  },
  {
    id: 'mobile',
    names: list('mobile, mobile apps, ios, android, apps, native apps'),
    keywords: list(
      'ios, android, mobile, app store, play store, testflight, iphone, ipad, apk, react native',
    ),
    phrases: list(`
      mobile, mobile app, mobile apps, mobile application, native app, app crashes, app crash, app crashed,
      app crashing, app keeps crashing, app freezes, app froze, app hangs, app won't open, app doesn't open,
      app closes, crashes on launch, crash on launch, crashes on startup, crash on startup, on launch,
      on app launch, app launch, app start, splash screen, launch screen, ios, ipados, iphone, iphones, ipad,
      ipads, android, androids, pixel phone, samsung, galaxy, xiaomi, huawei, oneplus, motorola, oppo, tablet,
      tablets, phone, phones, smartphone, smartphones, handset, app store, play store, google play,
      testflight, app review, app store review, rejected by apple, apple review, play console,
      google play console, apk, aab, app bundle, ipa, xcode, android studio, gradle, swift, swiftui, uikit,
      objective c, kotlin, jetpack compose, react native, flutter, dart, expo, cocoapods, podfile,
      crashlytics, firebase crashlytics, anr, anrs, app not responding, force close, force closes, force quit,
      foreground, deep link, deep links, deeplink, deeplinks, universal link, universal links, app links,
      app link, dynamic links, in app purchase, in app purchases, in-app purchase, iap, storekit,
      play billing, app version, app versions, latest version of the app, older app versions, old app version,
      force update, forced update, minimum version, app update, app updates, after updating the app, ios 17,
      ios 18, ios 16, ios 26, android 13, android 14, android 15, android 12, os version, on my phone,
      on their phones, on phones, specific devices, certain devices, some devices, device model,
      device models, offline mode, airplane mode, cellular, mobile data, 4g, 5g, lte, battery, battery drain,
      drains the battery, overheating, gps, location permission, location services, camera, camera permission,
      photo library, gallery, face id, touch id, biometric, biometrics, fingerprint, haptics,
      on screen keyboard, soft keyboard, keyboard covers, screen rotation, rotate the phone, landscape mode,
      portrait mode, notch, dynamic island, safe area, bottom sheet, tab bar, navigation bar, swipe, swiping,
      pull to refresh, tap, taps, tapping, tapped, long press, pinch, webview, web view, wkwebview,
      in app browser, app clip, apple watch, watchos, wear os, carplay, android auto, target sdk, min sdk,
      sdk version, proguard, r8, obfuscation, dsym, dsyms, symbolication, provisioning profile, code signing,
      signing certificate, play integrity, safetynet, app attest, jailbreak, jailbroken, emulator, simulator,
      fastlane, bitrise, app center, codepush, ota update, hermes, metro bundler, home screen widget,
      app icon, badge count, app badge, app size, app store listing, screenshots in the store, store listing,
      phased release, staged rollout on play, rooted device, rooted phone, app in background,
      app in the background, goes to background, barcode scanner, qr code, qr scanner, app release, new build,
      beta build, release build, debug build, notification permission, permission prompt, permission dialog,
      permissions prompt, system prompt,
      splash, black screen, latest version, newest version, new version of the app, latest update,
      after the latest update, updated the app, one star reviews, 1 star reviews, app reviews, store reviews,
      app rating, app ratings, star rating, share sheet, share extension, photo picker, screen, screens,
      kill the app, killing the app, reopen the app, reinstall, reinstalled, reinstalling, uninstall,
      from background, from the background, every launch, each launch, contacts permission,
      microphone permission, photos permission, contacts access, review rejected, rejected by google,
      stuck in app review, anr rate, android vitals, play vitals, app upgrade, phone app
    `),
  },
  {
    id: 'web-frontend',
    names: list('web frontend, frontend, front end, web, ui, user interface, web app, client, browser'),
    keywords: list(
      'frontend, css, javascript, react, browser, safari, chrome, firefox, web app, layout, render',
    ),
    phrases: list(`
      frontend, front-end, front end, web app, webapp, web application, website, web site, web page, webpage,
      page load, page loads, blank page, white page, white screen, empty page, page is blank, layout, layouts,
      css, styles, styling, stylesheet, tailwind, sass, scss, sidebar, side bar, navbar, nav bar, footer,
      textarea, upload button, drag and drop, z index, responsive, breakpoint, viewport, zoom, zoomed, aria,
      wcag, keyboard navigation, tab order, browser, browsers, chrome, chromium, firefox, safari,
      edge browser, microsoft edge, ie11, internet explorer, brave, incognito, private window,
      browser extension, ad blocker, adblock, hard refresh, clear cache, cleared cache, clearing the cache,
      cache busting, javascript, js, typescript, react, react app, vue, angular, svelte, next js, nextjs,
      nuxt, remix, gatsby, vite, webpack, rollup config, bundle, bundle size, bundler, chunk, chunks,
      chunkloaderror, loading chunk, chunk failed, hydration, hydration error, hydration mismatch, ssr,
      server side rendering, csr, spa, single page app, render, renders, rendering, rendered, re render,
      rerender, rerenders, component, components, storybook, console error, console errors, browser console,
      devtools, dev tools, uncaught typeerror, typeerror, cannot read properties, cannot read property,
      undefined is not, is not a function, referenceerror, unhandled promise rejection, maximum call stack,
      minified react error, useeffect, usestate, redux, state management, localstorage, local storage,
      sessionstorage, indexeddb, service worker, service workers, pwa, favicon, seo, meta tags, sitemap,
      robots txt, og image, open graph, lighthouse, core web vitals, lcp, cls, inp, flashes, print view,
      print preview, printing, rich text editor, text editor, wysiwyg, markdown, autofill, cookie banner,
      cookie consent, landing page, marketing site, homepage, home page, hover, hovering, mouse, drag,
      dragging, resize, resizing, window size, wide screens, retina, high dpi, dashboard, dashboards, chart,
      charts, graph rendering, tooltip on       the chart, table view, data grid, grid, pagination, paginate,
      next page, previous page, breadcrumb, breadcrumbs, navigation, routing in the app, url bar, address bar,
      query string, anchor link, page title, favicon missing, broken image, broken images, images not loading,
      image carousel, timestamp display, relative time, file picker, preview pane, split view, kanban board,
      board view, calendar view, list view, sorting the table, column width, sticky header, mixed content,
      content security policy, page header, header bar, react hooks, opera browser, cross origin,
      click does nothing, nothing happens when clicking, nothing happens when i click, button click,
      click handler, right click, form validation, form submit, form fields, submit button, table column,
      column header, sortable columns,
      form, forms, submits the form, form submits, tag input, pressing enter, enter key, keyboard shortcut,
      keyboard shortcuts, hotkey, hotkeys, shortcut key, cursor, cursor position, caret, autosave, auto-save,
      unsaved changes, reloads the page, page reloads, page refresh, refreshes the page, from the web,
      on the web, web client, web version, desktop web, client side, client-side, client side router,
      undefined, shows undefined, nan, object object, props, key prop, unique key, sorted, sorting, sort
    `),
  },
  {
    id: 'user-interface',
    names: list('design system, ux, ui components, component library, design'),
    keywords: list('ui, ux, design system, button, modal, dropdown, accessibility, dark mode, translations'),
    foldsInto: ['web-frontend', 'mobile'],
    phrases: list(`
      button, buttons, dropdown, drop down, dropdowns, modal, modals, dialog, dialogs, tooltip, tooltips,
      popover, menu, menus, tab, tabs, input field, input fields, text field, text box, checkbox, checkboxes,
      radio button, date picker, datepicker, color picker, scroll, scrolling, scrollbar, infinite scroll,
      overflow, overlapping, overlaps, misaligned, alignment, cut off, truncated text, text overflow,
      ellipsis, dark mode, light mode, theme, themes, colour, color, colors, colours, color contrast,
      low contrast, accessibility, a11y, screen reader, screen readers, i18n, l10n, translation, translations,
      localization, localisation, untranslated, wrong language, rtl, right to left, date format,
      number format, font, fonts, icon, icons, loading spinner, spinner, spinners, skeleton, placeholder,
      empty state, toast, toasts, snackbar, avatar, avatars, carousel, accordion, stepper, wizard,
      onboarding wizard, settings page, profile page, widget, widgets, emoji, emojis, copy button,
      copy to clipboard, clipboard, focus ring, focus state, loses focus, input focus, double click,
      empty screen, blank screen, layout shift, flicker, flickering, flickers, janky, jank, text input,
      submit button greyed out, bottom bar, status bar, navigation drawer, hamburger menu, back button,
      pull down, swipe to, on small screens, small screens, large screens, screen size, font size, text size,
      dynamic type, larger text, zoomed in, ui, ux, user interface, ui bug, ui glitch, visual bug,
      visual glitch, design system, component library, mockup, figma, pixel perfect, looks off, looks wrong,
      looks broken, misaligned icons, overlapping text, text cut off, copy change, button text,
      button label,
      greyed out, grayed out, disabled button, button disabled, pixelated, blurry, logo, low resolution
    `),
  },
  {
    id: 'data',
    names: list(
      'data, data engineering, analytics, data platform, business intelligence, bi, reporting, etl',
    ),
    keywords: list(
      'etl, pipeline, airflow, warehouse, snowflake, bigquery, dbt, kafka, spark, analytics, looker',
    ),
    phrases: list(`
      etl, elt, pipeline, pipelines, data pipeline, data pipelines, dag, dags, dag run, task instance,
      airflow, dagster, prefect, luigi, oozie, nifi, dbt, dbt run, dbt model, dbt models, dbt test, warehouse,
      data warehouse, data lake, lakehouse, snowflake, bigquery, redshift, databricks, synapse, athena,
      presto, trino, hive, aws glue, glue job, emr, dataproc, spark, pyspark, spark job, flink, beam,
      dataflow, kafka, kafka connect, kafka topic, consumer lag, consumer group, consumer groups, partition,
      partitions, offset, offsets, schema registry, avro, parquet, delta lake, iceberg, hudi, fivetran,
      airbyte, stitch, segment, rudderstack, snowplow, amplitude, mixpanel, google analytics, ga4, looker,
      looker studio, tableau, metabase, power bi, powerbi, superset, quicksight, mode analytics,
      dashboard numbers, business metrics, kpi, kpis, numbers are wrong, numbers don't match, numbers are off,
      off by one day, discrepancy, discrepancies, doesn't add up, double counted,
      double counting, undercounted, overcounted, missing data, data missing, stale data, data is stale,
      not updated since, data freshness, freshness, late data, late arriving, data quality, data issue,
      data issues, duplicate rows, dedup, deduplication, csv export,
      csv, csvs, xlsx, excel, spreadsheet, spreadsheets, google sheets, data export, data exports,
      bulk import, csv import, ingestion, ingest, ingested, ingesting,
      tracking events, event tracking, tracking plan, analytics events, event volume, events missing,
      clickstream, analytics, attribution, funnel, funnels, cohort, cohorts, retention curve, a b test,
      ab test, ab tests, experiment, experiments, experimentation, feature store, ml model, ml models,
      machine learning, model training, training job, training pipeline, inference, batch job, batch jobs,
      batch, batches, nightly job, nightly jobs, nightly run, nightly load, hourly job, daily job, daily run,
      rollup, rollups, aggregation, aggregations, aggregates, aggregated, reprocess, reprocessing, rerun,
      re run, cdc, debezium, change data capture, reverse etl, hightouch, census sync, data catalog, lineage,
      data contract, data model, data modeling, star schema, fact table, dimension table, scd, snapshot table,
      weekly report, monthly report, usage report, usage numbers, usage data, revenue report, finance report,
      board report, metrics report, scheduled report, scheduled reports, data team, data engineer, analyst,
      analysts, sql notebook, jupyter, notebook, notebooks, data science, warehouse costs, slot usage,
      credits burned, query costs, data retention, timezone in reports, utc boundary, late events,
      out of order events, watermark, stream       processing, streaming job, streaming pipeline,
      job failed overnight, totals don't match, wrong totals, weekly numbers, monthly numbers,
      report is wrong, reports are wrong, report shows, reports show, report numbers, reporting dashboard,
      reporting job, reporting pipeline, reporting database, topic lag, duplicate records, duplicated rows,
      hasn't refreshed, not refreshed, not refreshing, stopped updating, hasn't updated, last refreshed,
      refresh failed, revenue numbers, usage stats, real time stats, event collector, event pipeline,
      event stream, event ingestion, raw events, raw event, incoming events, event history, web tracker,
      event tracker, tracking pixel, tracking script, tracking snippet, bi tool, bi tools, bi dashboard, utm,
      utm parameters, campaign reports, campaign report, marketing reports, dau, mau, wau, daily active users,
      monthly active users, active users, metric definition, metric definitions, experiment variant,
      experiment variants, control group, treatment group, holdout group, header row, scheduled export,
      scheduled exports, export job, exports failing, churn model, propensity model, rapport,
      rapports, informe, informes, bericht, berichte, relatório, a b test results, ab test results,
      experiment results
    `),
  },
  {
    id: 'search',
    names: list('search, discovery, relevance, ranking, recommendations, search infrastructure'),
    keywords: list(
      'search, elasticsearch, opensearch, reindex, autocomplete, typeahead, relevance, ranking, facet',
    ),
    phrases: list(`
      search, searches, searching, searched, search results, search result, search bar, search box,
      search field, search page, search api, search service, global search, site search, product search,
      catalog search, full text search, full-text search, no results, zero results, empty results,
      no search results, wrong results, irrelevant results, bad results, missing results, results missing,
      result ranking, ranking, rankings, ranked, ranks, rank, reranking, relevance, relevancy,
      relevance score, relevance tuning, boost, boosting, boosted, elasticsearch, elastic, opensearch, solr,
      lucene, algolia, typesense, meilisearch, vespa, coveo, vector search, semantic search, hybrid search,
      knn, ann index, bm25, tf idf, reindex, re index, reindexing, reindexed, indexer, indexing lag,
      indexing pipeline, index refresh, search index, search indexes, not indexed, not indexing,
      isn't indexed, not searchable, unsearchable, not showing up in search, doesn't show up in search,
      don't show up in search, can't be found, cannot be found, findable, autocomplete, auto complete,
      autosuggest, auto suggest, typeahead, type ahead, did you mean, spell correction, spellcheck,
      spelling correction, typo tolerance, fuzzy, fuzzy match, fuzzy matching, fuzzy search, synonym,
      synonyms, stemming, stemmer, tokenizer, analyzer, analyzers, stop words, exact match, exact matches,
      phrase match, phrase search, query parser, search query, search queries, query syntax, boolean search,
      wildcard search, wildcard, quoted search, filters, filter counts, facet, facets, faceted, facet counts,
      sorting by relevance, recommender, related items, similar items, related articles,
      people also, personalization, personalisation, personalised, personalized, feed ranking, browse,
      browsing, discover page, explore page, trending, popular items, discovery, unassigned shards,
      shard allocation, shard, primary shard, replica shards, cluster status red, cluster health red,
      red cluster, yellow cluster, status yellow, mapping conflict, field mapping, index mapping,
      dynamic mapping, index alias, alias swap, index template, percolator, scroll api, search after,
      query dsl, circuit breaking exception, circuitbreakingexception, rejected execution,
      es rejected execution, search phase execution exception, too many clauses, max result window,
      result window, snippet, snippets, search analytics, click through rate, ctr, zero result rate,
      search latency, slow search, search is slow, search timeout, search down, search is down, search broken,
      search returns, search doesn't find, search shows, search for, searching for, look up, lookup by name,
      find by name, results page, serp, query       understanding, intent detection, learning to rank, ltr,
      ranking model, merchandising, pinned results, mapping explosion, search highlighting, hit highlighting,
      search suggestions, query suggestions, product recommendations, recommendation engine,
      recommended items, recommendations widget, vector embeddings, embedding model, shard failures,
      results, result count, results count, number of results, hit count, lookup, lookups, look-up,
      lookup box, finder, people finder, find box, can't find, cannot find, couldn't find, unable to find,
      nobody can find, can't find anything, doesn't find, does not find, not matched, aren't matched,
      isn't matched, no matches, partial match, partial matches, prefix match, prefix matching, prefix search,
      whole word, whole words, exact phrase, return nothing, returns nothing, returns no results,
      returned nothing, indices, indexing queue, indexing job, indexing jobs, indexing backlog,
      indexing delay, indexing errors, indexing cpu, bulk indexing, being indexed, not being indexed,
      get indexed, gets indexed, index rebuild, rebuild the index, full rebuild, flood stage,
      flood stage watermark, disk watermark, mapping, mappings, mapping change, tokenized, tokenization, cjk,
      word segmentation, language analyzer, accents, diacritics, accent insensitive, accented characters,
      ascii folding, search operator, search operators, boolean operators, search syntax, exclude terms,
      out of order results, results out of order, results are out of order, wrong order, buscar, búsqueda,
      busca, recherche, chercher, cherche, suche, suchen, pesquisa
    `),
  },
  {
    id: 'notifications',
    names: list('notifications, messaging, email, communications, comms, engagement, delivery'),
    keywords: list(
      'email, sms, push notification, notification, twilio, sendgrid, mailgun, bounce, unsubscribe',
    ),
    phrases: list(`
      notification, notifications, notify, notified, notifying, push notification, push notifications,
      push message, push messages, apns, fcm, firebase cloud messaging, onesignal, airship, braze, iterable,
      customer io, device token, device tokens, email, emails, e mail, e-mail, mail, mails, mailer, mailers,
      emailing, emailed, inbox, inboxes, spam folder, junk folder, junk mail, spam, marked as spam,
      landed in spam, going to spam, goes to spam, ends up in spam, deliverability, delivery rate, bounce,
      bounces, bounced, bouncing, hard bounce, soft bounce, bounce rate, complaint rate, spam complaints,
      spam complaint, unsubscribe, unsubscribed, unsubscribe link, unsubscribes, opt out, opt-out, opted out,
      opt in, opted in, notification preferences, email preferences, notification settings, digest,
      daily digest, weekly digest, digests, newsletter, newsletters, transactional email,
      transactional emails, marketing email, marketing emails, email template, email templates, sms template,
      message template, notification template, sendgrid, mailgun, postmark, mailchimp, mandrill, ses,
      amazon ses, sparkpost, mailjet, brevo, sendinblue, smtp, smtp relay, imap, mx record, mx records, spf,
      dkim, dmarc, sender reputation, sender domain, sending domain, from address, reply to, sms, smses,
      sms message, text message, text messages, twilio, vonage, nexmo, messagebird, plivo, sinch, short code,
      sender id, whatsapp, whatsapp       message, slack notification, slack notifications, slack message,
      teams notification, in app notification, in-app notification, in app notifications, notification bell,
      bell icon, unread count, unread badge, reminder, reminders, reminder email, welcome email,
      confirmation email, receipt email, alert email, email alert, email alerts, email not received,
      emails not received, didn't receive, did not receive, never received, not receiving, never arrived,
      didn't arrive, didn't get the email, email delay, delayed emails, emails delayed, emails are delayed,
      email delayed, duplicate emails, duplicate       notifications, sent twice, sent to the wrong,
      wrong recipient, wrong recipients, recipients, recipient, mail queue, send queue, sending queue, outbox,
      message delivery, email delivery, sms delivery, delivery receipts, delivery status, undelivered,
      undeliverable, suppression list, blocklisted, blacklisted, quiet hours, do not disturb,
      mention notification, mention notifications, notification sound, notification center, web push,
      browser notifications, email footer, email subject, subject line, email body, email link, email links,
      link tracking, open tracking, open rate, click rate, email client, outlook, gmail, yahoo mail,
      apple mail, push notif, push notifs, push token, push delivery, push certificate, no push,
      plain text email, slack bot,
      device token registration, token registration, push registration, push alerts,
      phone alerts, message alerts, slack alert, slack alerts, get pinged, getting pinged, gets pinged,
      got pinged, mentions, microsoft teams, teams message, teams connector, slack channel, chat message,
      test notification, test alert, test email, not sent, aren't sent, never sent, weren't sent,
      not being sent, stopped sending, not delivered, alert sound, alert sounds, no sound, plays a sound,
      chime, desktop notification, desktop notifications, welcome mail, correo, correos, courriel, courriels,
      carrier error, carrier errors, carrier filtering, webhook delivery, webhook deliveries, webhook retries,
      outgoing webhooks, webhook receiver, webhook receivers
    `),
  },
  {
    id: 'security',
    names: list('security, appsec, infosec, secops, product security, trust, compliance'),
    keywords: list('security, vulnerability, cve, breach, xss, injection, phishing, secrets, pentest'),
    phrases: list(`
      security, security issue, security incident, security bug, security team, vulnerability,
      vulnerabilities, vuln, vulns, cve, cves, cvss, exploit, exploited, exploitable, zero day, 0day,
      security patch, breach, data breach, leak, leaked, leaking, leaks, exposed, exposure,
      publicly       accessible, public bucket, world readable, anyone with the link, xss,
      cross site scripting, csrf, ssrf, sqli, sql injection, injection, command injection, rce,
      remote code execution, idor, path traversal, directory traversal, open redirect, clickjacking,
      deserialization, xxe, prototype pollution, phishing, phishing email, phishing emails, malware,
      ransomware, virus, trojan, attack, attacks, attacker, attackers, malicious, suspicious,
      suspicious activity, suspicious login, suspicious logins, brute force, brute forcing,
      credential stuffing, account takeover, account takeovers, ato, compromised, compromise, hacked,
      intrusion, unauthorized access, unauthorised access, privilege escalation, secret, secrets,
      leaked secret, secret leaked, api key, api keys, access key, access keys, aws keys, private key,
      private keys, hardcoded, hardcoded credentials, hard coded, plaintext, plaintext password,
      committed to git, committed to the repo, key rotation, rotate credentials, rotate the keys, encryption,
      encrypted, unencrypted, encryption at rest, encrypted at rest, in transit, hsm,
      pentest, pen test, penetration test, pentesters,
      bug bounty, hackerone, bugcrowd, responsible disclosure, security researcher, researcher, security scan,
      vulnerability scan, scanner, snyk, trivy, grype, sast, dast, dependency vulnerability,
      vulnerable dependency, audit, audit log, audit logs, audit trail, compliance, soc 2, soc2, iso 27001,
      hipaa, gdpr, ccpa, pii, personal data, data subject, data subject request, dsar, right to be forgotten,
      siem, guardduty, cloudtrail, security hub, edr, crowdstrike, sentinelone, antivirus, ddos, ddos attack,
      dos attack, bot, bots, bot attack, bot traffic, scrapers, spam accounts, fake accounts, fake signups,
      abuse, abusive, abuser, csp violation, security headers, weak cipher, tls 1 0, mfa bypass,
      session hijacking, session fixation, token leak, sso bypass, auth bypass, authentication bypass,
      permission bypass, access control bug, broken access control, tenant isolation, cross tenant,
      cross-tenant, another customer's data, other customers data, other customers' data, someone else's data,
      data of another customer, see other users, wrong tenant, wrong customer's data, insider, offboarding,
      leaver, revoke access, revoked access, least privilege, overly permissive, too permissive, public repo,
      secret scanning, gitleaks, trufflehog, security advisory, advisory, patch tuesday, log4j, heartbleed,
      spectre, openssl vulnerability, signature verification, certificate pinning, tamper, tampered,
      tampering, forged, forgery, spoofing, spoofed, social engineering, secret rotation, rotate the secret,
      credential rotation, stored in plain text, in plaintext
    `),
  },
  {
    id: 'api-backend',
    names: list('api, backend, back end, core services, microservices, core platform'),
    keywords: list('api, backend, endpoint, graphql, grpc, 500, microservice, webhook, queue'),
    phrases: list(`
      api, apis, rest api, public api, api endpoint, api endpoints, endpoint, endpoints, api response,
      api responses, api call, api calls, api request, api requests, api client, api error, api errors,
      graphql, graphql query, graphql mutation, resolver error, grpc, grpc error, rest, openapi, swagger,
      response body, request body, payload, payloads, json, malformed json, invalid json, json parse error,
      serialization, deserialize, deserialization error, 500, 500s, internal server error, server error,
      server errors, 500 error, 500 errors, 400, bad request, 422, unprocessable entity, 409, conflict error,
      429, too many requests, rate limit, rate limits, rate limited, rate limiting, throttling,
      throttled       requests, nullpointerexception, null pointer, npe, stack trace, stacktrace, traceback,
      exception, exceptions, unhandled exception, uncaught exception, panic, panics, goroutine, goroutines,
      segfault, segmentation fault, thread pool, thread dump, heap dump, jvm, garbage collection, gc pause,
      gc pauses, full gc, outofmemoryerror, java heap space, job queue, background job, background jobs,
      sidekiq, celery, resque, bullmq, bull queue, delayed job, rq worker, message queue, rabbitmq, amqp, sqs,
      sns, pubsub, pub sub, dead letter queue, dead letter, dlq, queue depth, queue backlog, messages stuck,
      webhook, webhooks, webhook signature, callback,
      callbacks, integration, integrations, third party api, upstream service, downstream service,
      downstream services, service to service, microservice, microservices, monolith, backend, back end,
      back-end, backend service, backend services, business logic, validation error, validation errors,
      api version, api versioning, breaking change, breaking changes, deprecated endpoint, cursor pagination,
      idempotent, retry storm, retries, retrying, circuit breaker, bulkhead, spring boot, django, rails,
      ruby on rails, flask, fastapi, expressjs, nestjs, node js, nodejs, golang, go service, python service,
      java service, dotnet, asp net, laravel, php, gunicorn, uwsgi, puma, unicorn workers, worker process,
      worker processes, request timeout, request timeouts, slow endpoint, slow endpoints, slow api,
      api latency, response time, response times, p99, p95, p50, p999, tail latency, endpoint latency, sdk,
      sdks, client library, api docs, api documentation, api key auth, service account, service accounts,
      feature endpoint, cron endpoint, file upload, file uploads, upload fails, uploads failing,
      presigned url, signed url, multipart upload, pdf generation, pdf export, image processing, thumbnail,
      thumbnails, resize images, video processing, transcoding, thread starvation, expressjs app, express app,
      memory leak, memory leaks, leaking memory, leaks memory, dependency injection
    `),
  },
];

/** Every archetype's words compiled once, whatever teams an organisation configures. */
interface ArchetypeVocabulary {
  /**
   * Keywords and phrases of all archetypes as one set, so the longest phrase wins across archetypes too ("locked
   * out" hides the "lock" inside it). Matched by stems only: among thousands of words, prefix matching would read
   * "report" as "repo" and "separate" as "sepa".
   */
  words: PhraseSet;
  wordText: readonly string[];
  /** Per word: its archetype's index, or -1 for a masking phrase. */
  wordArchetype: readonly number[];
  /** The archetypes' names, matched against a team's name and keywords only (never against issue text). */
  names: PhraseSet;
  nameArchetype: readonly number[];
  /** Per archetype: the meaning of its names and keywords (null without word vectors). */
  meanings: readonly (Float32Array | null)[];
}

let vocabulary: ArchetypeVocabulary | null = null;

/**
 * Phrases of no archetype, matched longest-first with the others so that the ambiguous word inside them is not
 * read as an archetype's: "phone number" is not the mobile team's "phone", an "edge case" not the CDN's edge.
 */
const maskingPhrases = list(`
  phone number, phone numbers, edge case, edge cases, root cause, root caused, error message, error messages,
  in order to, test account, test accounts, test user, test users, status page, support ticket, support tickets,
  customer account, customer accounts, enterprise account, enterprise accounts, account manager, account managers,
  release notes, in the background, background color, background colour, background image, next release
`);

function archetypeVocabulary(): ArchetypeVocabulary {
  if (vocabulary) return vocabulary;
  const collect = (pick: (archetype: TeamArchetype) => readonly string[], extra: readonly string[] = []) => {
    const text: string[] = [];
    const owner: number[] = [];
    const seen = new Set<string>();
    teamArchetypes.forEach((archetype, index) => {
      for (const raw of pick(archetype)) {
        const phrase = raw.toLowerCase();
        if (seen.has(`${index}:${phrase}`)) continue;
        seen.add(`${index}:${phrase}`);
        text.push(phrase);
        owner.push(index);
      }
    });
    for (const phrase of extra) {
      text.push(phrase);
      owner.push(-1);
    }
    return { text, owner, set: withoutPrefixes(compilePhraseSet(text)) };
  };
  const words = collect((archetype) => [...archetype.keywords, ...archetype.phrases], maskingPhrases);
  const names = collect((archetype) => archetype.names);
  vocabulary = {
    words: words.set,
    wordText: words.text,
    wordArchetype: words.owner,
    names: names.set,
    nameArchetype: names.owner,
    meanings: teamArchetypes.map((archetype) =>
      averageWordVector(tokenizeIssueText([...archetype.names, ...archetype.keywords].join(' . '))),
    ),
  };
  return vocabulary;
}

function withoutPrefixes(set: PhraseSet): PhraseSet {
  return {
    phrases: set.phrases.map((phrase) => ({ ...phrase, prefix: null })),
    byFirstStem: set.byFirstStem,
    byPrefixHead: new Map(),
  };
}

/** How much a configured team resembles one archetype. */
export interface ArchetypeResemblance {
  archetype: string;
  /** Share of the team's routing keywords and name that are words or names of the archetype. */
  overlap: number;
  /** Cosine between the meaning of the team's keywords and name and the archetype's names and keywords. */
  similarity: number;
  /** Whether the team is called what such teams are called ("SRE", "Apps", "Billing"). */
  isNamedLikeIt: boolean;
  /** Overlap plus similarity: which of several teams resembling one archetype resembles it most. */
  score: number;
}

/** A team resembles an archetype when at least this share of its keywords are the archetype's words... */
export const archetypeOverlapThreshold = 0.3;
/** ...or its keywords mean nearly the same (cosine of averaged word vectors; unrelated teams stay below 0.7)... */
export const archetypeSimilarityThreshold = 0.75;
// ...or it is named like such teams.

/**
 * The archetypes a team resembles, most alike first: by the share of its own keywords the archetype also lists
 * (which works whatever the team is called), by the meaning of its name and keywords (a "Checkout" team whose
 * keywords the archetype lacks still reads as payments), or by its name. `meaning` is the averaged word vector of
 * its keywords and name, as triage computes it.
 */
export function resembleArchetypes(
  team: TriageTeamProfile,
  meaning: Float32Array | null,
): ArchetypeResemblance[] {
  const known = archetypeVocabulary();
  const keywords = [
    ...new Set([...team.routingKeywords, team.name].map((keyword) => keyword.trim().toLowerCase())),
  ].filter((keyword) => keyword !== '');
  const archetypesIn = (text: string) => {
    const tokens = tokenizeIssueText(text);
    return new Set([
      ...findPhraseMatches(tokens, known.words).map((match) => known.wordArchetype[match.phraseIndex]!),
      ...findPhraseMatches(tokens, known.names).map((match) => known.nameArchetype[match.phraseIndex]!),
    ]);
  };
  const hits = new Float64Array(teamArchetypes.length);
  for (const keyword of keywords) for (const archetype of archetypesIn(keyword)) hits[archetype]! += 1;
  const nameTokens = tokenizeIssueText(team.name);
  const namedLike = new Set(
    findPhraseMatches(nameTokens, known.names).map((match) => known.nameArchetype[match.phraseIndex]!),
  );
  const resemblances: ArchetypeResemblance[] = [];
  teamArchetypes.forEach((archetype, index) => {
    const overlap = keywords.length > 0 ? hits[index]! / keywords.length : 0;
    const archetypeMeaning = known.meanings[index];
    const similarity = meaning && archetypeMeaning ? dotProduct(meaning, archetypeMeaning) : 0;
    const isNamedLikeIt = namedLike.has(index);
    if (overlap < archetypeOverlapThreshold && similarity < archetypeSimilarityThreshold && !isNamedLikeIt)
      return;
    resemblances.push({
      archetype: archetype.id,
      overlap,
      similarity,
      isNamedLikeIt,
      score: overlap + similarity,
    });
  });
  return resemblances.sort((a, b) => b.score - a.score);
}

/** A team borrowing an archetype's word, and how much of it: 1 is a whole borrowed word. */
export interface BorrowedWordOwner {
  team: number;
  share: number;
}

/** The archetype words an organisation's teams borrow, compiled once per team configuration. */
export interface ArchetypeLexicon {
  words: PhraseSet;
  /** Per word of `words`: the teams that borrow it (empty for most words in most organisations). */
  owners: readonly (readonly BorrowedWordOwner[])[];
  /** Per team: the archetypes whose words it borrows, its own first, then any folded into them. */
  teamArchetypes: readonly (readonly string[])[];
}

/** Teams resembling an archetype within this fraction of the closest one share its words; others get none. */
export const archetypeShareMargin = 0.85;

/**
 * Decides which team borrows which archetype's words. Each archetype goes to the team that resembles it most,
 * shared evenly with any team almost as close (two payments teams split "refund"), so two teams never both claim
 * the same words in full. An archetype no team resembles goes to whoever took the one it folds into (CI and
 * monitoring words to the platform team). A word that overlaps one of the team's own routing keywords is left to the
 * keyword, which already counts in full. `meanings` are the teams' keyword meanings, same order as `teams`.
 */
export function compileArchetypeLexicon(
  teams: readonly TriageTeamProfile[],
  meanings: readonly (Float32Array | null)[],
  ownKeywords: { phrases: PhraseSet; phraseTeams: readonly (readonly number[])[] },
): ArchetypeLexicon {
  const known = archetypeVocabulary();
  const claims = new Map<string, BorrowedWordOwner[]>();
  // A team claims the archetypes it is mostly like: a web team that also resembles the shared UI archetype a little
  // leaves those words to be shared with the mobile team.
  const resemblances = teams.map((team, index) => {
    const list = resembleArchetypes(team, meanings[index] ?? null);
    return list.filter((item) => item.score >= archetypeShareMargin * list[0]!.score);
  });
  for (const archetype of teamArchetypes) {
    const scored = resemblances.flatMap((list, team) =>
      list.filter((item) => item.archetype === archetype.id).map((item) => ({ team, score: item.score })),
    );
    if (scored.length === 0) continue;
    const best = Math.max(...scored.map((item) => item.score));
    const sharing = scored.filter((item) => item.score >= archetypeShareMargin * best);
    claims.set(
      archetype.id,
      sharing.map((item) => ({ team: item.team, share: 1 / sharing.length })),
    );
  }
  for (const archetype of teamArchetypes) {
    if (claims.has(archetype.id) || !archetype.foldsInto) continue;
    const hosts = archetype.foldsInto.flatMap((host) => claims.get(host) ?? []);
    const hostCount = archetype.foldsInto.filter((host) => claims.has(host)).length;
    if (hostCount > 0)
      claims.set(
        archetype.id,
        hosts.map((owner) => ({ team: owner.team, share: owner.share / hostCount })),
      );
  }
  const teamArchetypeIds: string[][] = teams.map(() => []);
  for (const [archetype, owners] of claims)
    for (const owner of owners) teamArchetypeIds[owner.team]!.push(archetype);
  const owners = known.wordText.map((text, word) => {
    const archetype = teamArchetypes[known.wordArchetype[word]!];
    const claimants = (archetype && claims.get(archetype.id)) ?? [];
    if (claimants.length === 0) return [];
    const ownTeams = new Set(
      findPhraseMatches(tokenizeIssueText(text), ownKeywords.phrases).flatMap(
        (match) => ownKeywords.phraseTeams[match.phraseIndex]!,
      ),
    );
    return claimants.filter((claimant) => !ownTeams.has(claimant.team));
  });
  return { words: known.words, owners, teamArchetypes: teamArchetypeIds };
}

/** The archetype words found in a text: per team, the borrowed weight and the words as written. */
export interface ArchetypeEvidence {
  scores: Float64Array;
  hits: string[][];
}

/**
 * Reads a text for borrowed words: each place an archetype word matches adds its share to each team borrowing it;
 * a word repeated later adds nothing more. Like `scoreTeamsByKeywords`, before the borrowed-word weight.
 */
export function scoreArchetypeWords(
  tokens: readonly IssueToken[],
  lexicon: ArchetypeLexicon,
  teamCount: number,
): ArchetypeEvidence {
  const scores = new Float64Array(teamCount);
  const hits: string[][] = Array.from({ length: teamCount }, () => []);
  const seenWords = new Set<number>();
  // Spellings of one word ("logged out", "logging out") match the same place; it counts once per team.
  const seenPlaces = new Set<number>();
  for (const match of findPhraseMatches(tokens, lexicon.words)) {
    const owners = lexicon.owners[match.phraseIndex]!;
    if (owners.length === 0 || seenWords.has(match.phraseIndex)) continue;
    seenWords.add(match.phraseIndex);
    const text = matchedText(tokens, match);
    for (const owner of owners) {
      const place = match.start * teamCount + owner.team;
      if (seenPlaces.has(place)) continue;
      seenPlaces.add(place);
      scores[owner.team]! += owner.share;
      if (!hits[owner.team]!.includes(text)) hits[owner.team]!.push(text);
    }
  }
  return { scores, hits };
}

const phraseMeanings = new Map<string, Float32Array | null>();

/**
 * The meaning (averaged word vectors) of all of an archetype's words, to widen a team's meaning with; null without
 * word vectors or for an unknown id.
 */
export function archetypeMeaning(id: string): Float32Array | null {
  if (!phraseMeanings.has(id)) {
    const archetype = teamArchetypes.find((item) => item.id === id);
    phraseMeanings.set(
      id,
      archetype
        ? averageWordVector(
            tokenizeIssueText([...archetype.names, ...archetype.keywords, ...archetype.phrases].join(' . ')),
          )
        : null,
    );
  }
  return phraseMeanings.get(id) ?? null;
}
