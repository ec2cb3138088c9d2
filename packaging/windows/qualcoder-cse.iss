; Inno Setup 6 script: a per-user Windows installer around the one-folder PyInstaller build.
;
; Build the app first (pyinstaller --noconfirm --clean build_installer.spec -> dist\qualcoder-cse\), then,
; from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\qualcoder-cse.iss
; -> dist\qualcoder-cse-0.1.0-windows-x64-setup.exe   (the release workflow passes the version it reads
;    from qualcoder_cse.__version__, so the installer, the executable and --version always agree)
;
; Installs for the current user only (no administrator rights: locked-down force and university laptops),
; into %LOCALAPPDATA%\Programs\QualCoder-CSE, with a Start-menu entry (and an optional desktop icon) that
; starts qualcoder-cse-window.exe (no console window). qualcoder-cse.exe, the command line, sits beside it.
; Nothing is downloaded during installation or at run time. Uninstalling removes the program only: projects
; (.qcse files), exports and backups are the user's and are never touched.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\qualcoder-cse.iss
#endif
#define AppName "QualCoder-CSE"
#define Root "..\.."

[Setup]
; A fixed AppId keeps upgrades in place (a new version replaces the old one).
AppId={{6C1F0F5E-2B7A-4B8E-9C3D-51435345A001}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=QualCoder-CSE
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=qualcoder-cse-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\resources\icons\qualcoder-cse.ico
UninstallDisplayIcon={app}\qualcoder-cse-window.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The app is English only.
ShowLanguageDialog=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\qualcoder-cse\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\qualcoder-cse-window.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\qualcoder-cse-window.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; .qcse project files open with the app from Explorer (per user; removed on uninstall).
Root: HKA; Subkey: "Software\Classes\.qcse"; ValueType: string; ValueName: ""; ValueData: "QualCoderCSE.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\QualCoderCSE.Project"; ValueType: string; ValueName: ""; ValueData: "QualCoder-CSE project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\QualCoderCSE.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\qualcoder-cse-window.exe,0"
Root: HKA; Subkey: "Software\Classes\QualCoderCSE.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\qualcoder-cse-window.exe"" gui ""%1"""

[Run]
; Offered at the end of setup: prove this copy works before the first real project.
; In a console window that stays open, so the OK (or what failed) can be read.
Filename: "{cmd}"; Parameters: "/k """"{app}\qualcoder-cse.exe"" selfcheck"""; Description: "Run the self-check (creates and deletes a test project)"; Flags: postinstall skipifsilent unchecked
Filename: "{app}\qualcoder-cse-window.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: postinstall skipifsilent nowait
