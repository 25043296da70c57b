PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __EFMigrationsHistory VALUES('20261122000000_InitialCreate','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261122100000_IpLiveAndProbeFlows','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261122110000_OpenApiClients','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261122120000_SystemSettings','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261122130000_AuditLog','10.0.15');
CREATE TABLE IF NOT EXISTS "AgentComponents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgentComponents" PRIMARY KEY AUTOINCREMENT,
    "HostId" INTEGER NOT NULL,
    "PackagePath" TEXT NOT NULL,
    "PackageName" TEXT NOT NULL,
    "PackageSignature" TEXT NOT NULL,
    "PackageAlgorithm" TEXT NOT NULL,
    "FirstSeenAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "AgentTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgentTokens" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL
);
INSERT INTO AgentTokens VALUES(1,'agent1','63e5d43910ff75966da990caed388ae41cf216d8da783705df39f497e076985f','pdt_Er9D_Y','2026-12-04 20:16:05.1075235',NULL,NULL);
CREATE TABLE IF NOT EXISTS "AlertEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AlertEvents" PRIMARY KEY AUTOINCREMENT,
    "SourceKey" TEXT NOT NULL,
    "AlertRuleId" INTEGER NULL,
    "AlertRuleName" TEXT NOT NULL,
    "Condition" TEXT NOT NULL,
    "DurationSeconds" INTEGER NOT NULL,
    "TargetType" INTEGER NOT NULL,
    "TargetId" INTEGER NOT NULL,
    "TargetName" TEXT NOT NULL,
    "TargetUuid" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "Level" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "CurrentValueJson" TEXT NOT NULL,
    "NotificationGroupId" INTEGER NULL,
    "PendingSince" TEXT NOT NULL,
    "FiresAt" TEXT NULL,
    "TriggerTime" TEXT NULL,
    "RecoverTime" TEXT NULL,
    "SilenceUntil" TEXT NULL,
    "NotifyOnResolve" INTEGER NOT NULL,
    "GoodRounds" INTEGER NOT NULL,
    "LastNotifiedAt" TEXT NULL,
    "Announced" INTEGER NOT NULL,
    "Acknowledged" INTEGER NOT NULL,
    "AckUserId" INTEGER NULL,
    "AckUserName" TEXT NULL,
    "AckTime" TEXT NULL,
    "AckNote" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL
);
INSERT INTO AlertEvents VALUES(1,'monitor-down:2',NULL,'closed port is down','consecutive_failures >= 2',0,2,2,'closed port',NULL,2,3,'closed port is down','service closed port: consecutive_failures >= 2 holds (consecutive_failures=2)','{"consecutive_failures":22,"timestamp":"2026-12-04T20:17:06.4807207Z"}',NULL,'2026-12-04 20:16:08.5339162','2026-12-04 20:16:08.5339162','2026-12-04 20:16:08.5339162',NULL,NULL,1,0,'2026-12-04 20:16:08.5339162',1,0,NULL,NULL,NULL,NULL,'2026-12-04 20:17:06.5670772');
INSERT INTO AlertEvents VALUES(2,'monitor-down:1',NULL,'dashboard health is down','consecutive_failures >= 3',0,2,1,'dashboard health',NULL,3,3,'dashboard health is down','service dashboard health: consecutive_failures >= 3 holds (consecutive_failures=3)','{"consecutive_failures":0,"timestamp":"2026-12-04T20:17:05.2408429Z"}',NULL,'2026-12-04 20:17:02.2706836','2026-12-04 20:17:02.2706836','2026-12-04 20:17:02.2706836','2026-12-04 20:17:05.386587',NULL,1,0,'2026-12-04 20:17:02.2706836',1,0,NULL,NULL,NULL,NULL,'2026-12-04 20:17:05.386587');
CREATE TABLE IF NOT EXISTS "AlertRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AlertRules" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "Type" INTEGER NOT NULL,
    "TargetIds" TEXT NOT NULL,
    "Condition" TEXT NOT NULL,
    "DurationSeconds" INTEGER NOT NULL,
    "RecoverThreshold" INTEGER NOT NULL,
    "NotificationGroupId" INTEGER NULL,
    "Level" INTEGER NOT NULL,
    "SilencePeriodSeconds" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "AspNetRoles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "AspNetUsers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY AUTOINCREMENT,
    "Role" INTEGER NOT NULL,
    "Disabled" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);
INSERT INTO AspNetUsers VALUES(1,2,0,'2026-12-04 20:15:35.4987734','admin','ADMIN',NULL,NULL,0,'AQAAAAIAAYagAAAAEGETzF0eD4WKM2+8FW6MvXOZyEqBe+hmSbODnp82ux9fIovzJJmKFQPQEJvknuq+Og==','NM4L5UAWMXJJSC7Z47RAEM6SMW36RRGG','30c8e32e-1c02-4339-bc81-d692c11306f7',NULL,0,0,NULL,1,0);
INSERT INTO AspNetUsers VALUES(2,0,0,'2026-12-04 20:15:56.8961124','viewer1','VIEWER1',NULL,NULL,0,'AQAAAAIAAYagAAAAEA3gPEB+kT6ogcPaB18MgKE6E3+ukxT5fVIpXB2YYuJ2lg8o9GZrC28k0cNm1xjBqA==','YFXF67SCHKZNSFV42GXPGDBY4PHTMP7N','d8ef36ac-bb0a-432f-bc41-c1e62c4b2743',NULL,0,0,NULL,1,0);
CREATE TABLE IF NOT EXISTS "AvailabilityBuckets" (
    "MonitorId" INTEGER NOT NULL,
    "HostId" INTEGER NOT NULL,
    "Size" INTEGER NOT NULL,
    "Start" TEXT NOT NULL,
    "Total" INTEGER NOT NULL,
    "Successes" INTEGER NOT NULL,
    "LatencySumMs" REAL NOT NULL,
    "LatencyMinMs" REAL NULL,
    "LatencyMaxMs" REAL NULL,
    CONSTRAINT "PK_AvailabilityBuckets" PRIMARY KEY ("MonitorId", "Size", "Start", "HostId")
);
INSERT INTO AvailabilityBuckets VALUES(1,1,1,'2026-12-04 20:00:00',23,19,479.72899999999998499,0.84299999999999997157,276.38999999999998636);
INSERT INTO AvailabilityBuckets VALUES(1,1,2,'2026-12-04 00:00:00',23,19,479.72899999999998499,0.84299999999999997157,276.38999999999998636);
INSERT INTO AvailabilityBuckets VALUES(2,1,1,'2026-12-04 20:00:00',22,0,0.0,NULL,NULL);
INSERT INTO AvailabilityBuckets VALUES(2,1,2,'2026-12-04 00:00:00',22,0,0.0,NULL,NULL);
CREATE TABLE IF NOT EXISTS "HookProfiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HookProfiles" PRIMARY KEY AUTOINCREMENT,
    "Language" TEXT NOT NULL,
    "Type" INTEGER NOT NULL,
    "Enable" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    "Details" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "HostGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HostGroups" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);
INSERT INTO HostGroups VALUES(1,'group one');
CREATE TABLE IF NOT EXISTS "HostMetricSamples" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HostMetricSamples" PRIMARY KEY AUTOINCREMENT,
    "HostId" INTEGER NOT NULL,
    "Timestamp" TEXT NOT NULL,
    "CpuUsage" REAL NULL,
    "MemUsage" REAL NULL,
    "DiskUsage" REAL NULL,
    "Load1" REAL NULL,
    "Load5" REAL NULL,
    "Load15" REAL NULL,
    "NetInSpeed" REAL NULL,
    "NetOutSpeed" REAL NULL
);
INSERT INTO HostMetricSamples VALUES(1,1,'2026-12-04 20:15:46.7871917',99.950000000000002843,14.259999999999999787,19.350000000000001421,57.829999999999998293,36.749999999999999999,16.440000000000001278,0.0,0.0);
INSERT INTO HostMetricSamples VALUES(2,1,'2026-12-04 20:15:56.7886712',99.900000000000005687,15.77999999999999936,19.350000000000001421,53.890000000000000566,36.579999999999998293,16.609999999999999431,0.0,0.0);
INSERT INTO HostMetricSamples VALUES(3,1,'2026-12-04 20:16:06.785617',100.0,16.730000000000000426,19.510000000000001563,53.179999999999999714,36.990000000000001988,16.949999999999999289,0.0,0.0);
INSERT INTO HostMetricSamples VALUES(4,1,'2026-12-04 20:16:16.7898345',100.0,17.600000000000001421,19.510000000000001563,55.609999999999999431,38.030000000000001136,17.510000000000001563,0.0,0.0);
INSERT INTO HostMetricSamples VALUES(5,1,'2026-12-04 20:16:26.788367',100.0,18.089999999999999857,19.510000000000001563,58.049999999999997157,39.159999999999996589,18.100000000000001421,0.0,0.0);
INSERT INTO HostMetricSamples VALUES(6,1,'2026-12-04 20:16:36.7874243',100.0,18.969999999999998863,19.5,63.869999999999997443,41.030000000000001136,18.929999999999999715,0.0,0.0);
INSERT INTO HostMetricSamples VALUES(7,1,'2026-12-04 20:17:06.1684115',100.0,21.030000000000001136,19.510000000000001563,66.489999999999994883,43.89999999999999858,20.589999999999999858,0.0,0.0);
CREATE TABLE IF NOT EXISTS "MethodCallReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MethodCallReports" PRIMARY KEY AUTOINCREMENT,
    "HostId" INTEGER NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "Method" TEXT NULL,
    "Uri" TEXT NOT NULL,
    "Url" TEXT NULL,
    "ClientIp" TEXT NULL,
    "Language" TEXT NULL,
    "PoolSize" INTEGER NOT NULL,
    "DetailJson" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "Monitors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Monitors" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Target" TEXT NOT NULL,
    "IntervalSeconds" INTEGER NOT NULL,
    "TimeoutSeconds" INTEGER NOT NULL,
    "Retry" INTEGER NOT NULL,
    "ExecuteOn" INTEGER NOT NULL,
    "ExecuteOnGroupId" INTEGER NULL,
    "ExecuteOnHostIds" TEXT NOT NULL,
    "SkipHostIds" TEXT NOT NULL,
    "EnableAlert" INTEGER NOT NULL,
    "FailThreshold" INTEGER NOT NULL,
    "RecoverThreshold" INTEGER NOT NULL,
    "NotificationGroupId" INTEGER NULL,
    "LatencyAlert" INTEGER NOT NULL,
    "MaxLatencySeconds" REAL NULL,
    "Http" TEXT NOT NULL,
    "Origin" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CurrentStatus" INTEGER NOT NULL,
    "StatusSince" TEXT NULL,
    "LastProbeAt" TEXT NULL,
    "LastSuccess" INTEGER NULL,
    "LastLatencyMs" REAL NULL,
    "LastStatusCode" INTEGER NULL,
    "LastError" TEXT NULL,
    "ConsecutiveFailures" INTEGER NOT NULL
);
INSERT INTO Monitors VALUES(1,'dashboard health',1,1,'http://127.0.0.1:5391/healthz',2,1,0,0,NULL,'[]','[]',1,3,1,NULL,0,NULL,'{"method":"GET","headers":{},"hostHeader":null,"cookies":null,"expectedStatusCodes":"200","keyword":"ok","followRedirects":true,"pinnedIps":[]}','api','2026-12-04 20:16:03.9419272','2026-12-04 20:16:03.9419272',1,'2026-12-04 20:17:05.2408429','2026-12-04 20:17:07.2443039',1,28.591000000000001079,200,NULL,0);
INSERT INTO Monitors VALUES(2,'closed port',1,2,'127.0.0.1:9',2,1,0,0,NULL,'[]','[]',1,2,1,NULL,0,NULL,'{"method":"GET","headers":{},"hostHeader":null,"cookies":null,"expectedStatusCodes":null,"keyword":null,"followRedirects":true,"pinnedIps":[]}','api','2026-12-04 20:16:04.8332129','2026-12-04 20:16:04.8332129',2,'2026-12-04 20:16:06.4815012','2026-12-04 20:17:06.4807207',0,0.0,0,'connection refused',22);
CREATE TABLE IF NOT EXISTS "NotificationGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotificationGroups" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
INSERT INTO NotificationGroups VALUES(1,'ops','2026-12-04 20:16:11.182351','2026-12-04 20:16:11.182351');
CREATE TABLE IF NOT EXISTS "NotificationOutbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotificationOutbox" PRIMARY KEY AUTOINCREMENT,
    "AlertEventId" INTEGER NULL,
    "Purpose" INTEGER NOT NULL,
    "Channel" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    "ProtectedSecret" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "PayloadJson" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "ProbeResults" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProbeResults" PRIMARY KEY AUTOINCREMENT,
    "MonitorId" INTEGER NOT NULL,
    "HostId" INTEGER NOT NULL,
    "Timestamp" TEXT NOT NULL,
    "Success" INTEGER NOT NULL,
    "LatencyMs" REAL NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "ErrorMessage" TEXT NULL,
    "CertificateExpiresAt" TEXT NULL
);
INSERT INTO ProbeResults VALUES(1,1,1,'2026-12-04 20:16:05.3932322',1,276.38999999999998636,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(2,2,1,'2026-12-04 20:16:06.4815012',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(3,1,1,'2026-12-04 20:16:07.2527561',1,25.355000000000000425,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(4,2,1,'2026-12-04 20:16:08.4767578',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(5,1,1,'2026-12-04 20:16:09.2545417',1,12.788000000000000255,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(6,2,1,'2026-12-04 20:16:10.4888543',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(7,1,1,'2026-12-04 20:16:11.2486473',1,0.96699999999999997069,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(8,2,1,'2026-12-04 20:16:12.4847158',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(9,1,1,'2026-12-04 20:16:13.256894',1,1.1100000000000000976,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(10,2,1,'2026-12-04 20:16:14.4768512',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(11,1,1,'2026-12-04 20:16:15.2731528',1,1.0849999999999999644,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(12,2,1,'2026-12-04 20:16:16.476693',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(13,1,1,'2026-12-04 20:16:17.2368166',1,1.0660000000000000586,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(14,2,1,'2026-12-04 20:16:18.4847206',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(15,1,1,'2026-12-04 20:16:19.236818',1,19.740999999999999658,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(16,2,1,'2026-12-04 20:16:20.4768881',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(17,1,1,'2026-12-04 20:16:21.2407877',1,0.84299999999999997157,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(18,2,1,'2026-12-04 20:16:22.4754811',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(19,1,1,'2026-12-04 20:16:23.2367514',1,3.4620000000000001882,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(20,2,1,'2026-12-04 20:16:24.4751485',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(21,1,1,'2026-12-04 20:16:25.2373439',1,1.0120000000000000106,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(22,2,1,'2026-12-04 20:16:26.473818',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(23,1,1,'2026-12-04 20:16:27.240652',1,3.4519999999999999573,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(24,2,1,'2026-12-04 20:16:28.4763564',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(25,1,1,'2026-12-04 20:16:29.2370703',1,2.0099999999999997868,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(26,2,1,'2026-12-04 20:16:30.4751454',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(27,1,1,'2026-12-04 20:16:31.2367165',1,5.0199999999999995736,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(28,2,1,'2026-12-04 20:16:32.4807231',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(29,1,1,'2026-12-04 20:16:33.2391645',1,1.7379999999999999893,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(30,2,1,'2026-12-04 20:16:34.4731134',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(31,1,1,'2026-12-04 20:16:35.2393229',1,1.0829999999999999626,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(32,2,1,'2026-12-04 20:16:36.5008225',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(33,1,1,'2026-12-04 20:16:37.2406369',1,1.1819999999999999396,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(34,2,1,'2026-12-04 20:16:56.945641',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(35,1,1,'2026-12-04 20:16:57.2599553',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(36,2,1,'2026-12-04 20:16:58.7332481',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(37,1,1,'2026-12-04 20:16:59.2767503',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(38,2,1,'2026-12-04 20:17:00.4834929',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(39,1,1,'2026-12-04 20:17:01.2447543',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(40,2,1,'2026-12-04 20:17:02.4967776',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(41,1,1,'2026-12-04 20:17:03.2396706',0,0.0,0,'timeout after 1s',NULL);
INSERT INTO ProbeResults VALUES(42,2,1,'2026-12-04 20:17:04.4807587',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(43,1,1,'2026-12-04 20:17:05.2408429',1,92.834000000000003183,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(44,2,1,'2026-12-04 20:17:06.4807207',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(45,1,1,'2026-12-04 20:17:07.2443039',1,28.591000000000001079,200,NULL,NULL);
CREATE TABLE IF NOT EXISTS "AlertEventSamples" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AlertEventSamples" PRIMARY KEY AUTOINCREMENT,
    "AlertEventId" INTEGER NOT NULL,
    "Timestamp" TEXT NOT NULL,
    "ValuesJson" TEXT NOT NULL,
    CONSTRAINT "FK_AlertEventSamples_AlertEvents_AlertEventId" FOREIGN KEY ("AlertEventId") REFERENCES "AlertEvents" ("Id") ON DELETE CASCADE
);
INSERT INTO AlertEventSamples VALUES(1,1,'2026-12-04 20:16:06.4815012','{"consecutive_failures":1}');
INSERT INTO AlertEventSamples VALUES(2,1,'2026-12-04 20:16:08.4767578','{"consecutive_failures":2}');
INSERT INTO AlertEventSamples VALUES(3,1,'2026-12-04 20:16:10.4888543','{"consecutive_failures":3}');
INSERT INTO AlertEventSamples VALUES(4,1,'2026-12-04 20:16:12.4847158','{"consecutive_failures":4}');
INSERT INTO AlertEventSamples VALUES(5,1,'2026-12-04 20:16:14.4768512','{"consecutive_failures":5}');
INSERT INTO AlertEventSamples VALUES(6,1,'2026-12-04 20:16:16.476693','{"consecutive_failures":6}');
INSERT INTO AlertEventSamples VALUES(7,1,'2026-12-04 20:16:18.4847206','{"consecutive_failures":7}');
INSERT INTO AlertEventSamples VALUES(8,1,'2026-12-04 20:16:20.4768881','{"consecutive_failures":8}');
INSERT INTO AlertEventSamples VALUES(9,1,'2026-12-04 20:16:22.4754811','{"consecutive_failures":9}');
INSERT INTO AlertEventSamples VALUES(10,1,'2026-12-04 20:16:24.4751485','{"consecutive_failures":10}');
INSERT INTO AlertEventSamples VALUES(11,1,'2026-12-04 20:16:26.473818','{"consecutive_failures":11}');
INSERT INTO AlertEventSamples VALUES(12,1,'2026-12-04 20:16:28.4763564','{"consecutive_failures":12}');
INSERT INTO AlertEventSamples VALUES(13,1,'2026-12-04 20:16:30.4751454','{"consecutive_failures":13}');
INSERT INTO AlertEventSamples VALUES(14,1,'2026-12-04 20:16:32.4807231','{"consecutive_failures":14}');
INSERT INTO AlertEventSamples VALUES(15,1,'2026-12-04 20:16:34.4731134','{"consecutive_failures":15}');
INSERT INTO AlertEventSamples VALUES(16,1,'2026-12-04 20:16:36.5008225','{"consecutive_failures":16}');
INSERT INTO AlertEventSamples VALUES(17,1,'2026-12-04 20:16:56.945641','{"consecutive_failures":17}');
INSERT INTO AlertEventSamples VALUES(18,1,'2026-12-04 20:16:58.7332481','{"consecutive_failures":18}');
INSERT INTO AlertEventSamples VALUES(19,1,'2026-12-04 20:17:00.4834929','{"consecutive_failures":19}');
INSERT INTO AlertEventSamples VALUES(20,2,'2026-12-04 20:16:57.2599553','{"consecutive_failures":1}');
INSERT INTO AlertEventSamples VALUES(21,2,'2026-12-04 20:16:59.2767503','{"consecutive_failures":2}');
INSERT INTO AlertEventSamples VALUES(22,2,'2026-12-04 20:17:01.2447543','{"consecutive_failures":3}');
INSERT INTO AlertEventSamples VALUES(23,1,'2026-12-04 20:17:02.4967776','{"consecutive_failures":20}');
INSERT INTO AlertEventSamples VALUES(24,2,'2026-12-04 20:17:03.2396706','{"consecutive_failures":4}');
INSERT INTO AlertEventSamples VALUES(25,1,'2026-12-04 20:17:04.4807587','{"consecutive_failures":21}');
INSERT INTO AlertEventSamples VALUES(26,2,'2026-12-04 20:17:05.2408429','{"consecutive_failures":0}');
INSERT INTO AlertEventSamples VALUES(27,1,'2026-12-04 20:17:06.4807207','{"consecutive_failures":22}');
CREATE TABLE IF NOT EXISTS "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" INTEGER NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" INTEGER NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserRoles" (
    "UserId" INTEGER NOT NULL,
    "RoleId" INTEGER NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserTokens" (
    "UserId" INTEGER NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Hosts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Hosts" PRIMARY KEY AUTOINCREMENT,
    "Uuid" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Hostname" TEXT NOT NULL,
    "IsServer" INTEGER NOT NULL,
    "GroupId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NULL,
    "VmInstanceId" TEXT NULL,
    "Agent" TEXT NOT NULL,
    "HeartbeatSeconds" INTEGER NOT NULL,
    "Online" INTEGER NOT NULL,
    "OnlineSince" TEXT NULL,
    "Command" INTEGER NOT NULL,
    "MetricsAt" TEXT NULL,
    "CpuUsage" REAL NULL,
    "MemUsage" REAL NULL,
    "DiskUsage" REAL NULL,
    "Load1" REAL NULL,
    "Load5" REAL NULL,
    "Load15" REAL NULL,
    "NetInSpeed" REAL NULL,
    "NetOutSpeed" REAL NULL,
    CONSTRAINT "FK_Hosts_HostGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "HostGroups" ("Id") ON DELETE SET NULL
);
INSERT INTO Hosts VALUES(1,'1237AADB-CB6A-4045-AA2E-EC783DFBE1C8','vm','vm',1,NULL,'2026-12-04 20:15:33.6159916','2026-12-04 20:17:06.5457001',NULL,'{"language":null,"version":null,"projectName":null,"network":null,"containerName":null,"containerVersion":null,"serverAddr":null,"serverPort":null,"serverPath":null,"serverEnv":null,"pid":null,"mac":null,"networkPortId":null,"hypervisorNode":null,"isVm":false,"independentNetwork":false}',5,1,'2026-12-04 20:15:46.8667265',0,'2026-12-04 20:17:06.1684115',100.0,21.030000000000001136,19.510000000000001563,66.489999999999994883,43.89999999999999858,20.589999999999999858,0.0,0.0);
CREATE TABLE IF NOT EXISTS "NotificationRecipients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotificationRecipients" PRIMARY KEY AUTOINCREMENT,
    "NotificationGroupId" INTEGER NOT NULL,
    "Channel" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    "ProtectedSecret" TEXT NULL,
    CONSTRAINT "FK_NotificationRecipients_NotificationGroups_NotificationGroupId" FOREIGN KEY ("NotificationGroupId") REFERENCES "NotificationGroups" ("Id") ON DELETE CASCADE
);
INSERT INTO NotificationRecipients VALUES(1,1,1,'ops@example.com',NULL);
INSERT INTO NotificationRecipients VALUES(2,1,2,'http://127.0.0.1:9/hook',NULL);
CREATE TABLE IF NOT EXISTS "IpLiveApps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IpLiveApps" PRIMARY KEY AUTOINCREMENT,
    "AppName" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "TokenPrefix" TEXT NOT NULL,
    "CallbackUrl" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);
INSERT INTO IpLiveApps VALUES(1,'app1','7fef4dfebb2bc5b8fdccc7143cd455325b6e3fca2a37058bcd40eeaf8d6c4bd9','ipl_qLfbpq','http://127.0.0.1:9/cb','2026-12-04 20:15:58.1255835');
CREATE TABLE IF NOT EXISTS "IpLiveGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IpLiveGroups" PRIMARY KEY AUTOINCREMENT,
    "AppId" INTEGER NOT NULL,
    "GroupId" INTEGER NOT NULL,
    "Protocol" TEXT NOT NULL,
    "Port" INTEGER NULL,
    "Path" TEXT NULL,
    "IntervalSeconds" INTEGER NOT NULL,
    "Stopped" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_IpLiveGroups_IpLiveApps_AppId" FOREIGN KEY ("AppId") REFERENCES "IpLiveApps" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "IpLiveNodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IpLiveNodes" PRIMARY KEY AUTOINCREMENT,
    "NodeIp" TEXT NOT NULL,
    "HostId" INTEGER NOT NULL,
    "AgentTokenId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_IpLiveNodes_AgentTokens_AgentTokenId" FOREIGN KEY ("AgentTokenId") REFERENCES "AgentTokens" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IpLiveNodes_Hosts_HostId" FOREIGN KEY ("HostId") REFERENCES "Hosts" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "ProbeFlows" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProbeFlows" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "InstanceName" TEXT NOT NULL,
    "InstanceIp" TEXT NOT NULL,
    "InstanceMac" TEXT NOT NULL,
    "InstancePort" TEXT NOT NULL,
    "PhyNode" TEXT NOT NULL,
    "ProxyIp" TEXT NOT NULL,
    "HostId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ProbeFlows_Hosts_HostId" FOREIGN KEY ("HostId") REFERENCES "Hosts" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "IpLiveRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IpLiveRecords" PRIMARY KEY AUTOINCREMENT,
    "IpLiveGroupId" INTEGER NOT NULL,
    "RecordId" INTEGER NOT NULL,
    "Ip" TEXT NOT NULL,
    "MonitorId" INTEGER NOT NULL,
    CONSTRAINT "FK_IpLiveRecords_IpLiveGroups_IpLiveGroupId" FOREIGN KEY ("IpLiveGroupId") REFERENCES "IpLiveGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IpLiveRecords_Monitors_MonitorId" FOREIGN KEY ("MonitorId") REFERENCES "Monitors" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "OpenApiClients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OpenApiClients" PRIMARY KEY AUTOINCREMENT,
    "ApiId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "IsPartner" INTEGER NOT NULL,
    "TaskLimit" INTEGER NOT NULL,
    "ProtectedKey" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL
);
INSERT INTO OpenApiClients VALUES(1,'0b932bd188dea37ec497c5e3','owner@example.com',1,50,'CfDJ8N7gOoJnFJNDn5tUGLxgJ8WsOa-Ag_uFarunDPFp-QGJn-F8Dhzmjuy_TnhY9B-ho0Reo8A8uGBxuaxFD4ivGrHnCWbDtMSMw5ym9OensSjvQ8hSb0aiKSCGK9EDE9Q_9ua9kS5wPlp-Yhv3HDKzLYlWWCR4hNTWaZ3D07tV5t95','2026-12-04 20:15:57.7303842',NULL);
CREATE TABLE IF NOT EXISTS "OpenApiUsers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OpenApiUsers" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "Email" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_OpenApiUsers_OpenApiClients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "OpenApiClients" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "OpenApiTasks" (
    "Tid" TEXT NOT NULL CONSTRAINT "PK_OpenApiTasks" PRIMARY KEY,
    "ClientId" INTEGER NOT NULL,
    "UserName" TEXT NOT NULL,
    "MonitorId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_OpenApiTasks_Monitors_MonitorId" FOREIGN KEY ("MonitorId") REFERENCES "Monitors" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OpenApiTasks_OpenApiClients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "OpenApiClients" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "OpenApiAlertGroups" (
    "Gid" TEXT NOT NULL CONSTRAINT "PK_OpenApiAlertGroups" PRIMARY KEY,
    "ClientId" INTEGER NOT NULL,
    "UserName" TEXT NOT NULL,
    "NotificationGroupId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_OpenApiAlertGroups_NotificationGroups_NotificationGroupId" FOREIGN KEY ("NotificationGroupId") REFERENCES "NotificationGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OpenApiAlertGroups_OpenApiClients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "OpenApiClients" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "SystemSettings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_SystemSettings" PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "AuditLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditLog" PRIMARY KEY AUTOINCREMENT,
    "Timestamp" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "Detail" TEXT NULL
);
INSERT INTO AuditLog VALUES(1,'2026-12-04 20:15:56.0301576','admin','auth.token_issued','user #1 admin',NULL);
INSERT INTO AuditLog VALUES(2,'2026-12-04 20:15:57.5503261','admin','user.create','user #2 viewer1','role viewer');
INSERT INTO AuditLog VALUES(3,'2026-12-04 20:15:57.8740247','admin','api_key.create','open-API client #1 owner@example.com','api_id 0b932bd188dea37ec497c5e3');
INSERT INTO AuditLog VALUES(4,'2026-12-04 20:15:58.1864786','admin','iplive_app.create','iplive app #1 app1','token prefix ipl_qLfbpq');
INSERT INTO AuditLog VALUES(5,'2026-12-04 20:16:03.7840172','admin','auth.token_issued','user #1 admin',NULL);
INSERT INTO AuditLog VALUES(6,'2026-12-04 20:16:04.5068419','admin','monitor.create','monitor #1 dashboard health','Http http://127.0.0.1:5391/healthz via api');
INSERT INTO AuditLog VALUES(7,'2026-12-04 20:16:04.9114898','admin','monitor.create','monitor #2 closed port','Tcp 127.0.0.1:9 via api');
INSERT INTO AuditLog VALUES(8,'2026-12-04 20:16:05.2496305','admin','agent_token.create','agent token #1 agent1','prefix pdt_Er9D_Y');
INSERT INTO AuditLog VALUES(9,'2026-12-04 20:16:10.8169738','admin','auth.token_issued','user #1 admin',NULL);
INSERT INTO AuditLog VALUES(10,'2026-12-04 20:16:11.4254354','admin','notification_group.create','notification group #1 ops','1 Email, 1 Webhook');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('Hosts',1);
INSERT INTO sqlite_sequence VALUES('AspNetUsers',2);
INSERT INTO sqlite_sequence VALUES('HostMetricSamples',7);
INSERT INTO sqlite_sequence VALUES('AuditLog',10);
INSERT INTO sqlite_sequence VALUES('OpenApiClients',1);
INSERT INTO sqlite_sequence VALUES('IpLiveApps',1);
INSERT INTO sqlite_sequence VALUES('HostGroups',1);
INSERT INTO sqlite_sequence VALUES('Monitors',2);
INSERT INTO sqlite_sequence VALUES('AgentTokens',1);
INSERT INTO sqlite_sequence VALUES('ProbeResults',45);
INSERT INTO sqlite_sequence VALUES('AlertEvents',2);
INSERT INTO sqlite_sequence VALUES('AlertEventSamples',27);
INSERT INTO sqlite_sequence VALUES('NotificationGroups',1);
INSERT INTO sqlite_sequence VALUES('NotificationRecipients',2);
CREATE UNIQUE INDEX "IX_AgentComponents_HostId_PackagePath" ON "AgentComponents" ("HostId", "PackagePath");
CREATE UNIQUE INDEX "IX_AgentTokens_TokenHash" ON "AgentTokens" ("TokenHash");
CREATE INDEX "IX_AlertEvents_AlertRuleId_PendingSince" ON "AlertEvents" ("AlertRuleId", "PendingSince");
CREATE UNIQUE INDEX "IX_AlertEvents_Open" ON "AlertEvents" ("SourceKey", "TargetType", "TargetId") WHERE "Status" <> 3;
CREATE INDEX "IX_AlertEvents_PendingSince" ON "AlertEvents" ("PendingSince");
CREATE INDEX "IX_AlertEvents_Status_Level" ON "AlertEvents" ("Status", "Level");
CREATE INDEX "IX_AlertEventSamples_AlertEventId_Timestamp" ON "AlertEventSamples" ("AlertEventId", "Timestamp");
CREATE INDEX "IX_AlertRules_Enabled" ON "AlertRules" ("Enabled");
CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");
CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");
CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");
CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");
CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");
CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");
CREATE INDEX "IX_HookProfiles_Language" ON "HookProfiles" ("Language");
CREATE UNIQUE INDEX "IX_HostGroups_Name" ON "HostGroups" ("Name");
CREATE INDEX "IX_HostMetricSamples_HostId_Timestamp" ON "HostMetricSamples" ("HostId", "Timestamp");
CREATE INDEX "IX_HostMetricSamples_Timestamp" ON "HostMetricSamples" ("Timestamp");
CREATE INDEX "IX_Hosts_GroupId" ON "Hosts" ("GroupId");
CREATE UNIQUE INDEX "IX_Hosts_Name" ON "Hosts" ("Name");
CREATE UNIQUE INDEX "IX_Hosts_Uuid" ON "Hosts" ("Uuid");
CREATE INDEX "IX_Hosts_VmInstanceId" ON "Hosts" ("VmInstanceId");
CREATE INDEX "IX_MethodCallReports_HostId_ReceivedAt" ON "MethodCallReports" ("HostId", "ReceivedAt");
CREATE INDEX "IX_MethodCallReports_ReceivedAt" ON "MethodCallReports" ("ReceivedAt");
CREATE INDEX "IX_Monitors_Enabled" ON "Monitors" ("Enabled");
CREATE INDEX "IX_Monitors_Name" ON "Monitors" ("Name");
CREATE UNIQUE INDEX "IX_NotificationGroups_Name" ON "NotificationGroups" ("Name");
CREATE INDEX "IX_NotificationOutbox_AlertEventId" ON "NotificationOutbox" ("AlertEventId");
CREATE INDEX "IX_NotificationOutbox_Status_NextAttemptAt" ON "NotificationOutbox" ("Status", "NextAttemptAt");
CREATE INDEX "IX_NotificationRecipients_NotificationGroupId" ON "NotificationRecipients" ("NotificationGroupId");
CREATE INDEX "IX_ProbeResults_MonitorId_Timestamp" ON "ProbeResults" ("MonitorId", "Timestamp");
CREATE INDEX "IX_ProbeResults_Timestamp" ON "ProbeResults" ("Timestamp");
CREATE UNIQUE INDEX "IX_IpLiveApps_AppName" ON "IpLiveApps" ("AppName");
CREATE UNIQUE INDEX "IX_IpLiveApps_TokenHash" ON "IpLiveApps" ("TokenHash");
CREATE UNIQUE INDEX "IX_IpLiveGroups_AppId_GroupId" ON "IpLiveGroups" ("AppId", "GroupId");
CREATE INDEX "IX_IpLiveNodes_AgentTokenId" ON "IpLiveNodes" ("AgentTokenId");
CREATE INDEX "IX_IpLiveNodes_HostId" ON "IpLiveNodes" ("HostId");
CREATE UNIQUE INDEX "IX_IpLiveNodes_NodeIp" ON "IpLiveNodes" ("NodeIp");
CREATE UNIQUE INDEX "IX_IpLiveRecords_IpLiveGroupId_RecordId" ON "IpLiveRecords" ("IpLiveGroupId", "RecordId");
CREATE UNIQUE INDEX "IX_IpLiveRecords_MonitorId" ON "IpLiveRecords" ("MonitorId");
CREATE INDEX "IX_ProbeFlows_HostId" ON "ProbeFlows" ("HostId");
CREATE UNIQUE INDEX "IX_ProbeFlows_InstanceId" ON "ProbeFlows" ("InstanceId");
CREATE UNIQUE INDEX "IX_OpenApiClients_ApiId" ON "OpenApiClients" ("ApiId");
CREATE UNIQUE INDEX "IX_OpenApiUsers_ClientId_Email" ON "OpenApiUsers" ("ClientId", "Email");
CREATE INDEX "IX_OpenApiTasks_ClientId_UserName" ON "OpenApiTasks" ("ClientId", "UserName");
CREATE UNIQUE INDEX "IX_OpenApiTasks_MonitorId" ON "OpenApiTasks" ("MonitorId");
CREATE INDEX "IX_OpenApiAlertGroups_ClientId_UserName" ON "OpenApiAlertGroups" ("ClientId", "UserName");
CREATE UNIQUE INDEX "IX_OpenApiAlertGroups_NotificationGroupId" ON "OpenApiAlertGroups" ("NotificationGroupId");
CREATE INDEX "IX_AuditLog_Actor_Timestamp" ON "AuditLog" ("Actor", "Timestamp");
CREATE INDEX "IX_AuditLog_Timestamp" ON "AuditLog" ("Timestamp");
COMMIT;
