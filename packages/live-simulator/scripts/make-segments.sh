#!/usr/bin/env bash
# Regenerates the committed loop in ../assets: 8 MPEG-TS segments of exactly 2.000 s
# (H.264 + AAC) and manifest.json. Run once by hand with Debian's ffmpeg/ffprobe; the
# simulator itself never needs ffmpeg. Output is deterministic enough to review diffs
# by size, but not byte-identical across ffmpeg versions.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../assets}"  # optional argument: another output folder, for experiments
font_dir=/usr/share/fonts/truetype/dejavu
bold="$font_dir/DejaVuSans-Bold.ttf"
mono="$font_dir/DejaVuSansMono-Bold.ttf"

for tool in ffmpeg ffprobe; do
  command -v "$tool" >/dev/null || { echo "make-segments: $tool not found (Debian: apt-get install ffmpeg)" >&2; exit 1; }
done
[[ -f $bold && -f $mono ]] || { echo "make-segments: DejaVu fonts missing (Debian: apt-get install fonts-dejavu-core)" >&2; exit 1; }

segments=8
seg_s=2
fps=30
total_s=$((segments * seg_s))

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Picture: an animated gradient "studio" background, a small testsrc2 inset so motion
# and colour errors are obvious, the title, a LIVE badge and counters that make the
# position inside the loop readable on a screenshot (frame, segment, loop time).
video_filter="[0:v]format=yuv420p[bg];\
[1:v]scale=192:108,format=yuv420p[inset];\
[bg][inset]overlay=x=W-w-24:y=H-h-24[base];\
[base]drawbox=x=24:y=24:w=86:h=36:color=red@0.9:t=fill,\
drawtext=fontfile=$bold:text='LIVE':fontsize=26:fontcolor=white:x=36:y=29,\
drawtext=fontfile=$bold:text='live-shop demo':fontsize=58:fontcolor=white:borderw=3:bordercolor=black@0.6:x=(w-tw)/2:y=110,\
drawtext=fontfile=$mono:text='frame %{eif\:n\:d\:3}  seg %{eif\:floor(n/($fps*$seg_s))\:d}/$segments':fontsize=28:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=8:x=40:y=220,\
drawtext=fontfile=$mono:text='t %{eif\:floor(t)\:d\:2}.%{eif\:mod(n\,$fps)*100/$fps\:d\:2} / $total_s s':fontsize=28:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=8:x=40:y=272[v]"

# Sound: a soft 220 Hz bed (an integer number of cycles in 16 s, so the loop seam is
# quiet) plus a short 880 Hz beep at the start of every segment, which makes
# segment boundaries and A/V sync audible.
#
# A/V alignment matters more than it looks: hls.js takes a fragment's start as the
# EARLIER of its first audio and first video timestamp, and players map the playhead to
# EXT-X-PROGRAM-DATE-TIME from that start. So every segment's audio must begin at or just
# after (< one 1024-sample AAC frame) its first video frame, or every frame's date is off
# by the difference. Two things would break that:
#  - B-frames: the muxer interleaves by DTS, and an IDR frame's DTS precedes its PTS, so
#    ~50-65 ms of audio lands in the segment before its video (hence -bf 0 below);
#  - AAC priming: the encoder's first packet starts 1024 samples before the first input
#    sample. Shifting the input by exactly 1024 samples (asetpts) puts that packet at 0,
#    and evaluating the sound at t+1024/48000 keeps the beeps on the segment boundaries.
audio_lead=1024
audio_expr="0.05*sin(2*PI*220*(t+$audio_lead/48000))+0.12*sin(2*PI*880*t)*lt(mod(t+$audio_lead/48000\,$seg_s)\,0.12)"

# One continuous encode into the HLS muxer keeps timestamps continuous across the loop.
# Forced keyframes every 2 s + no scene-cut keyframes + fixed GOP => every segment starts
# with an IDR frame and holds exactly 60 frames.
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "gradients=size=640x360:rate=$fps:speed=0.02:n=3:c0=0x0b2a4a:c1=0x6a1b4d:c2=0x0f5c4e:seed=7:duration=$total_s" \
  -f lavfi -i "testsrc2=size=320x180:rate=$fps:duration=$total_s" \
  -f lavfi -i "aevalsrc=exprs=$audio_expr:sample_rate=48000:channel_layout=mono:duration=$total_s" \
  -filter_complex "$video_filter;[2:a]asetpts=PTS+$audio_lead[a]" \
  -map '[v]' -map '[a]' \
  -c:v libx264 -profile:v main -level:v 3.0 -pix_fmt yuv420p -preset slow -tune stillimage \
  -r "$fps" -g $((fps * seg_s)) -keyint_min $((fps * seg_s)) -sc_threshold 0 \
  -force_key_frames "expr:gte(t,n_forced*$seg_s)" \
  -bf 0 -b:v 360k -maxrate 450k -bufsize 900k -x264-params "open-gop=0" \
  -c:a aac -b:a 48k -ar 48000 -ac 1 \
  -t "$total_s" \
  -f hls -hls_time "$seg_s" -hls_list_size 0 -hls_playlist_type vod -start_number 0 \
  -hls_flags independent_segments \
  -hls_segment_filename "$work/seg-%d.ts" "$work/loop.m3u8"

count=$(ls "$work"/seg-*.ts | wc -l)
[[ $count -eq $segments ]] || { echo "make-segments: expected $segments segments, ffmpeg wrote $count" >&2; exit 1; }

# ffprobe prints MPEG-TS streams once per program too, with blank separator lines, hence
# the `grep -v "^,*$" | head -n1` filters below.
# Measure every segment from its packets: video duration = frames / fps (checked
# against the PTS span), plus the first video/audio PTS so the continuity is on record.
entries=()
for ((i = 0; i < segments; i++)); do
  f="$work/seg-$i.ts"
  frames=$(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$f" | grep -v "^,*$" | head -n1)
  read -r vfirst vlast < <(ffprobe -v error -select_streams v:0 -show_entries packet=pts_time -of csv=p=0 "$f" | grep -v "^,*$" \
    | sort -g | awk 'NR==1{first=$1} {last=$1} END{printf "%.6f %.6f\n", first, last}')
  read -r afirst aend < <(ffprobe -v error -select_streams a:0 -show_entries packet=pts_time,duration_time -of csv=p=0 "$f" | grep -v "^,*$" \
    | sort -g | awk -F, 'NR==1{first=$1} {end=$1+$2} END{printf "%.6f %.6f\n", first, end}')
  duration=$(awk -v n="$frames" -v fps="$fps" 'BEGIN{printf "%.3f", n/fps}')
  span=$(awk -v a="$vfirst" -v b="$vlast" -v fps="$fps" 'BEGIN{printf "%.3f", b-a+1/fps}')
  [[ $duration == "2.000" && $span == "2.000" ]] || { echo "make-segments: seg-$i.ts lasts $duration s ($span s by PTS), expected 2.000" >&2; exit 1; }
  # See the A/V alignment note above: audio may only start after the video, by less
  # than one AAC frame; the loop's audio must start and end exactly with its video.
  lead=$(awk -v a="$afirst" -v v="$vfirst" 'BEGIN{printf "%.6f", a-v}')
  awk -v d="$lead" -v frame="$audio_lead/48000" 'BEGIN{split(frame, f, "/"); exit !(d > -0.00002 && d < f[1]/f[2])}' \
    || { echo "make-segments: seg-$i.ts audio starts ${lead} s after its video; expected [0, one AAC frame)" >&2; exit 1; }
  if ((i == 0)) || ((i == segments - 1)); then
    edge=$( ((i == 0)) && echo "$lead" || awk -v e="$aend" -v v="$vfirst" -v s="$seg_s" 'BEGIN{printf "%.6f", e-v-s}')
    awk -v d="$edge" 'BEGIN{exit !(d > -0.00002 && d < 0.00002)}' \
      || { echo "make-segments: the loop's audio and video edges differ by $edge s in seg-$i.ts" >&2; exit 1; }
  fi
  bytes=$(stat -c %s "$f")
  entries+=("    {\"file\": \"seg-$i.ts\", \"duration\": $duration, \"videoFrames\": $frames, \"videoStartPts\": $vfirst, \"audioStartPts\": $afirst, \"audioEndPts\": $aend, \"bytes\": $bytes}")
done

codec=$(ffprobe -v error -select_streams v:0 -show_entries stream=profile,level -of csv=p=0 "$work/seg-0.ts" | grep -v "^,*$" | head -n1)
# manifest.json states the RFC 6381 codecs string; it is only true for Main@3.0.
[[ $codec == "Main,30" ]] || { echo "make-segments: expected H.264 Main@3.0, got $codec; update \"codecs\" below" >&2; exit 1; }
{
  echo '{'
  echo "  \"generatedBy\": \"scripts/make-segments.sh ($(ffmpeg -version | head -1 | cut -d' ' -f1-3))\","
  echo "  \"segmentDuration\": $seg_s,"
  echo "  \"video\": {\"codec\": \"h264\", \"profileLevel\": \"$codec\", \"width\": 640, \"height\": 360, \"fps\": $fps},"
  echo '  "audio": {"codec": "aac-lc", "sampleRate": 48000, "channels": 1},'
  echo '  "codecs": "avc1.4d401e,mp4a.40.2",'
  echo '  "segments": ['
  (IFS=$'\n'; echo "${entries[*]}" | sed '$!s/$/,/')
  echo '  ]'
  echo '}'
} >"$work/manifest.json"

# Only replace the committed assets once every segment passed the checks above.
mkdir -p "$out"
rm -f "$out"/seg-*.ts "$out/manifest.json"
cp "$work"/seg-*.ts "$work/manifest.json" "$out/"

echo "make-segments: wrote $segments segments to $out ($(du -cb "$out"/* | tail -1 | cut -f1) bytes in total)"
