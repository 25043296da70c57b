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
INSERT INTO __EFMigrationsHistory VALUES('20261122000000_InitialCreate','9.0.22');
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
INSERT INTO AgentTokens VALUES(1,'lab agents','93b7cbb97e1933bd490013b64ead7360ca090fa6891dc8847e1fd22a3d6e6ef1','pdt_Lm8cu-','2026-11-22 03:56:13.0375344',NULL,NULL);
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
INSERT INTO AlertEvents VALUES(1,'monitor-down:2',NULL,'closed port is down','consecutive_failures >= 2',0,2,2,'closed port',NULL,2,3,'closed port is down','service closed port: consecutive_failures >= 2 holds (consecutive_failures=2)','{"consecutive_failures":16,"timestamp":"2026-11-22T03:57:02.4746866Z"}',NULL,'2026-11-22 03:56:34.5132486','2026-11-22 03:56:34.5132486','2026-11-22 03:56:34.5132486',NULL,NULL,1,0,'2026-11-22 03:56:34.5132486',1,1,1,'admin','2026-11-22 03:56:58.5233766','known, port closed on purpose','2026-11-22 03:57:02.5027043');
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
INSERT INTO AlertRules VALUES(1,'slow health',1,2,'[1]','latency > 5',60,1,1,3,1800,'2026-11-22 03:56:31.5880141','2026-11-22 03:56:31.5880141');
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
INSERT INTO AspNetUsers VALUES(1,2,0,'2026-11-22 03:56:07.6370954','admin','ADMIN',NULL,NULL,0,'AQAAAAIAAYagAAAAEHNrtGcWcG7wJ7MmqeQUWq2TX2GGpll6lewh8IqEISA0WIZFbzpTEKR+meBjMK0+nw==','KHZ4QPULPJH5VGUCL75NVBGYCDFLOIAY','7ae189bd-8fb1-46b8-9f12-73fa5df6f7be',NULL,0,0,NULL,1,0);
INSERT INTO AspNetUsers VALUES(2,0,0,'2026-11-22 03:56:12.8876292','viewer1','VIEWER1',NULL,NULL,0,'AQAAAAIAAYagAAAAEM7+cxZEBCpOXLNNOVjNbPDhNQPBJUZufC7gbL+VcQ5miIh2FUT8QeycRCss4LiRug==','RMLOLBQZ2MIXUOITZTJHTMOWQV5ESSNB','aaed901c-ce31-463d-888f-8201f697a28e',NULL,0,0,NULL,1,0);
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
INSERT INTO AvailabilityBuckets VALUES(1,1,1,'2026-11-22 03:00:00',16,16,116.59299999999998931,0.82899999999999995914,83.33199999999999363);
INSERT INTO AvailabilityBuckets VALUES(1,1,2,'2026-11-22 00:00:00',16,16,116.59299999999998931,0.82899999999999995914,83.33199999999999363);
INSERT INTO AvailabilityBuckets VALUES(2,1,1,'2026-11-22 03:00:00',16,0,0.0,NULL,NULL);
INSERT INTO AvailabilityBuckets VALUES(2,1,2,'2026-11-22 00:00:00',16,0,0.0,NULL,NULL);
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
INSERT INTO HostGroups VALUES(1,'lab');
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
INSERT INTO HostMetricSamples VALUES(1,1,'2026-11-22 03:56:18.9899768',100.0,6.1900000000000003907,21.730000000000000426,19.429999999999999715,25.230000000000000425,27.329999999999998294,0.0,0.0);
INSERT INTO HostMetricSamples VALUES(2,1,'2026-11-22 03:56:28.9801577',100.0,7.0599999999999996092,21.730000000000000426,19.660000000000000142,25.089999999999999858,27.260000000000001562,0.0,0.0);
INSERT INTO HostMetricSamples VALUES(3,1,'2026-11-22 03:56:38.9849221',100.0,7.7400000000000002131,21.730000000000000426,18.820000000000000284,24.719999999999998862,27.120000000000000993,0.0,0.0);
INSERT INTO HostMetricSamples VALUES(4,1,'2026-11-22 03:56:48.9800753',100.0,8.5099999999999997868,21.730000000000000426,18.329999999999998294,24.420000000000001705,27.0,0.0,0.0);
INSERT INTO HostMetricSamples VALUES(5,1,'2026-11-22 03:56:58.9777337',100.0,9.8800000000000007815,21.730000000000000426,18.399999999999998578,24.239999999999998435,26.910000000000000141,0.0,0.0);
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
INSERT INTO Monitors VALUES(1,'dashboard health',1,1,'http://127.0.0.1:5991/healthz',2,1,0,0,NULL,'[]','[]',0,3,1,NULL,0,NULL,'{"method":"GET","headers":{},"hostHeader":null,"cookies":null,"expectedStatusCodes":"200","keyword":null,"followRedirects":true,"pinnedIps":[]}','api','2026-11-22 03:56:30.14321','2026-11-22 03:56:30.14321',1,'2026-11-22 03:56:31.2901478','2026-11-22 03:57:01.2379842',1,0.82899999999999995914,200,NULL,0);
INSERT INTO Monitors VALUES(2,'closed port',1,2,'127.0.0.1:9',2,1,0,0,NULL,'[]','[]',1,2,1,NULL,0,NULL,'{"method":"GET","headers":{},"hostHeader":null,"cookies":null,"expectedStatusCodes":null,"keyword":null,"followRedirects":true,"pinnedIps":[]}','api','2026-11-22 03:56:30.536608','2026-11-22 03:56:30.536608',2,'2026-11-22 03:56:32.4754316','2026-11-22 03:57:02.4746866',0,0.0,0,'connection refused',16);
CREATE TABLE IF NOT EXISTS "NotificationGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotificationGroups" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
INSERT INTO NotificationGroups VALUES(1,'ops','2026-11-22 03:56:12.507986','2026-11-22 03:56:12.507986');
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
INSERT INTO ProbeResults VALUES(1,1,1,'2026-11-22 03:56:31.2901478',1,83.33199999999999363,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(2,2,1,'2026-11-22 03:56:32.4754316',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(3,1,1,'2026-11-22 03:56:33.2417538',1,2.7389999999999998792,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(4,2,1,'2026-11-22 03:56:34.4739687',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(5,1,1,'2026-11-22 03:56:35.2380953',1,1.3149999999999999467,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(6,2,1,'2026-11-22 03:56:36.4738612',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(7,1,1,'2026-11-22 03:56:37.2382243',1,1.3879999999999999005,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(8,2,1,'2026-11-22 03:56:38.4734865',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(9,1,1,'2026-11-22 03:56:39.2453256',1,1.3240000000000000657,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(10,2,1,'2026-11-22 03:56:40.4775754',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(11,1,1,'2026-11-22 03:56:41.2379617',1,1.1060000000000000941,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(12,2,1,'2026-11-22 03:56:42.4742878',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(13,1,1,'2026-11-22 03:56:43.2382213',1,1.0929999999999999715,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(14,2,1,'2026-11-22 03:56:44.4737662',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(15,1,1,'2026-11-22 03:56:45.2378908',1,1.0749999999999999555,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(16,2,1,'2026-11-22 03:56:46.4750281',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(17,1,1,'2026-11-22 03:56:47.2376405',1,0.94199999999999994848,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(18,2,1,'2026-11-22 03:56:48.4750274',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(19,1,1,'2026-11-22 03:56:49.2376675',1,15.993999999999999773,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(20,2,1,'2026-11-22 03:56:50.4735903',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(21,1,1,'2026-11-22 03:56:51.2378135',1,1.0040000000000000035,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(22,2,1,'2026-11-22 03:56:52.4741234',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(23,1,1,'2026-11-22 03:56:53.2377384',1,1.0109999999999998987,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(24,2,1,'2026-11-22 03:56:54.4733413',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(25,1,1,'2026-11-22 03:56:55.2375952',1,1.5520000000000000461,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(26,2,1,'2026-11-22 03:56:56.4735487',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(27,1,1,'2026-11-22 03:56:57.2390812',1,0.97499999999999997779,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(28,2,1,'2026-11-22 03:56:58.4812842',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(29,1,1,'2026-11-22 03:56:59.2376278',1,0.91400000000000003463,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(30,2,1,'2026-11-22 03:57:00.4732563',0,0.0,0,'connection refused',NULL);
INSERT INTO ProbeResults VALUES(31,1,1,'2026-11-22 03:57:01.2379842',1,0.82899999999999995914,200,NULL,NULL);
INSERT INTO ProbeResults VALUES(32,2,1,'2026-11-22 03:57:02.4746866',0,0.0,0,'connection refused',NULL);
CREATE TABLE IF NOT EXISTS "AlertEventSamples" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AlertEventSamples" PRIMARY KEY AUTOINCREMENT,
    "AlertEventId" INTEGER NOT NULL,
    "Timestamp" TEXT NOT NULL,
    "ValuesJson" TEXT NOT NULL,
    CONSTRAINT "FK_AlertEventSamples_AlertEvents_AlertEventId" FOREIGN KEY ("AlertEventId") REFERENCES "AlertEvents" ("Id") ON DELETE CASCADE
);
INSERT INTO AlertEventSamples VALUES(1,1,'2026-11-22 03:56:32.4754316','{"consecutive_failures":1}');
INSERT INTO AlertEventSamples VALUES(2,1,'2026-11-22 03:56:34.4739687','{"consecutive_failures":2}');
INSERT INTO AlertEventSamples VALUES(3,1,'2026-11-22 03:56:36.4738612','{"consecutive_failures":3}');
INSERT INTO AlertEventSamples VALUES(4,1,'2026-11-22 03:56:38.4734865','{"consecutive_failures":4}');
INSERT INTO AlertEventSamples VALUES(5,1,'2026-11-22 03:56:40.4775754','{"consecutive_failures":5}');
INSERT INTO AlertEventSamples VALUES(6,1,'2026-11-22 03:56:42.4742878','{"consecutive_failures":6}');
INSERT INTO AlertEventSamples VALUES(7,1,'2026-11-22 03:56:44.4737662','{"consecutive_failures":7}');
INSERT INTO AlertEventSamples VALUES(8,1,'2026-11-22 03:56:46.4750281','{"consecutive_failures":8}');
INSERT INTO AlertEventSamples VALUES(9,1,'2026-11-22 03:56:48.4750274','{"consecutive_failures":9}');
INSERT INTO AlertEventSamples VALUES(10,1,'2026-11-22 03:56:50.4735903','{"consecutive_failures":10}');
INSERT INTO AlertEventSamples VALUES(11,1,'2026-11-22 03:56:52.4741234','{"consecutive_failures":11}');
INSERT INTO AlertEventSamples VALUES(12,1,'2026-11-22 03:56:54.4733413','{"consecutive_failures":12}');
INSERT INTO AlertEventSamples VALUES(13,1,'2026-11-22 03:56:56.4735487','{"consecutive_failures":13}');
INSERT INTO AlertEventSamples VALUES(14,1,'2026-11-22 03:56:58.4812842','{"consecutive_failures":14}');
INSERT INTO AlertEventSamples VALUES(15,1,'2026-11-22 03:57:00.4732563','{"consecutive_failures":15}');
INSERT INTO AlertEventSamples VALUES(16,1,'2026-11-22 03:57:02.4746866','{"consecutive_failures":16}');
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
INSERT INTO Hosts VALUES(1,'397215CE-E1AD-485A-B95E-58C66D7834DF','vm','vm',1,NULL,'2026-11-22 03:56:06.568189','2026-11-22 03:56:58.9792258',NULL,'{"language":null,"version":null,"projectName":null,"network":null,"containerName":null,"containerVersion":null,"serverAddr":null,"serverPort":null,"serverPath":null,"serverEnv":null,"pid":null,"mac":null,"networkPortId":null,"hypervisorNode":null,"isVm":false,"independentNetwork":false}',5,1,'2026-11-22 03:56:19.0467932',0,'2026-11-22 03:56:58.9777337',100.0,9.8800000000000007815,21.730000000000000426,18.399999999999998578,24.239999999999998435,26.910000000000000141,0.0,0.0);
CREATE TABLE IF NOT EXISTS "NotificationRecipients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotificationRecipients" PRIMARY KEY AUTOINCREMENT,
    "NotificationGroupId" INTEGER NOT NULL,
    "Channel" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    "ProtectedSecret" TEXT NULL,
    CONSTRAINT "FK_NotificationRecipients_NotificationGroups_NotificationGroupId" FOREIGN KEY ("NotificationGroupId") REFERENCES "NotificationGroups" ("Id") ON DELETE CASCADE
);
INSERT INTO NotificationRecipients VALUES(1,1,2,'http://127.0.0.1:9/hook','CfDJ8KuaUPs-lCpGsgYgeVkPYq5HcuGPN83qfE20lZyFoMCGxAS8mk5rmBWF4Y2azIHu6D6uP3A6OfdaeM71sw_S_DNz2ZnqvAV9dkrb48Zb_FswlLFyaQFL6Fqqaf14PX52qw');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('Hosts',1);
INSERT INTO sqlite_sequence VALUES('AspNetUsers',2);
INSERT INTO sqlite_sequence VALUES('NotificationGroups',1);
INSERT INTO sqlite_sequence VALUES('NotificationRecipients',1);
INSERT INTO sqlite_sequence VALUES('HostGroups',1);
INSERT INTO sqlite_sequence VALUES('AgentTokens',1);
INSERT INTO sqlite_sequence VALUES('HostMetricSamples',5);
INSERT INTO sqlite_sequence VALUES('Monitors',2);
INSERT INTO sqlite_sequence VALUES('ProbeResults',32);
INSERT INTO sqlite_sequence VALUES('AlertRules',1);
INSERT INTO sqlite_sequence VALUES('AlertEvents',1);
INSERT INTO sqlite_sequence VALUES('AlertEventSamples',16);
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
COMMIT;
